import requests
from django.http import JsonResponse

API_BASE = "https://api.payments.example.com"


def charge_url(charge_id: int) -> str:
    return f"{API_BASE}/v1/charges/{charge_id}"


def charge_status(request):
    charge_id = int(request.GET["id"])
    return JsonResponse(requests.get(charge_url(charge_id), timeout=5).json())
