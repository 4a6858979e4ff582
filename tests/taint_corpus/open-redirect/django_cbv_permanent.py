from django.http import HttpResponsePermanentRedirect
from django.views import View


class ShortLinkView(View):
    def get(self, request, code):
        destination = request.GET.get("fallback", "/")
        return HttpResponsePermanentRedirect(destination)  # expect: BST255
