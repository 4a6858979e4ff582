from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import FormView

from .forms import FeedbackForm


class FeedbackView(FormView):
    form_class = FeedbackForm
    template_name = "feedback.html"

    def form_valid(self, form):
        form.save()
        section = self.request.GET.get("section", "")
        anchor = "#" + section if section in ("billing", "support") else ""
        return redirect(reverse("thanks") + anchor)
