from django.http import HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.views import View

from .models import ShortLink


class ShortLinkView(View):
    def get(self, request, code):
        link = get_object_or_404(ShortLink, code=code)
        return HttpResponsePermanentRedirect(link.destination)
