from django.shortcuts import redirect
from django.views.generic import FormView

from .forms import FeedbackForm


class FeedbackView(FormView):
    form_class = FeedbackForm
    template_name = "feedback.html"

    def form_valid(self, form):
        form.save()
        return redirect(self.request.GET.get("return", "/"))  # expect: BST255
