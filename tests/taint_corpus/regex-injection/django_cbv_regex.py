import re

from django.http import JsonResponse
from django.views import View

CITIES = ["Paris", "Lyon", "Marseille", "Lille"]


class CityAutocomplete(View):
    def get(self, request):
        prefix = request.GET.get("term", "")
        matcher = re.compile("^" + prefix, re.IGNORECASE)  # expect: BST262
        return JsonResponse({"cities": [c for c in CITIES if matcher.match(c)]})
