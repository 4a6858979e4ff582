import requests
from django.http import JsonResponse


def weather(request):
    station = int(request.GET.get("station", "0"))
    return JsonResponse(requests.get(f"https://weather.example.org/stations/{station}.json", timeout=5).json())
