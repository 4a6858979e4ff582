from django.http import JsonResponse
from django.views import View

CITIES = ["Paris", "Lyon", "Marseille", "Lille"]


class CityAutocomplete(View):
    def get(self, request):
        prefix = request.GET.get("term", "").lower()
        return JsonResponse({"cities": [c for c in CITIES if c.lower().startswith(prefix)]})
