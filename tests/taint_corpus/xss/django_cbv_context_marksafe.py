from django.utils.safestring import mark_safe
from django.views.generic import TemplateView


class SearchResultsView(TemplateView):
    template_name = "search/results.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "")
        context["heading"] = mark_safe(f"Results for <em>{query}</em>")  # expect: BST253
        return context
