from django.http import HttpResponseGone, HttpResponseRedirect
from django.urls import reverse
from django.views import View


class LegacyRedirectView(View):
    pattern_name = "catalogue:index"

    def target(self, **kwargs):
        url = reverse(self.pattern_name, kwargs=kwargs)
        query = self.request.META.get("QUERY_STRING", "")
        if query:
            url = "%s?%s" % (url, query)
        return url

    def get(self, request, *args, **kwargs):
        url = self.target(**kwargs)
        if not url:
            return HttpResponseGone()
        return HttpResponseRedirect(url)
