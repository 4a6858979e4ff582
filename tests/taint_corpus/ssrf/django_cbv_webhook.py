import requests
from django.http import JsonResponse
from django.views import View


class WebhookTestView(View):
    def post(self, request):
        url = request.POST["url"]
        payload = {"event": "ping"}
        response = requests.request("POST", url, json=payload, timeout=5)  # expect: BST254
        return JsonResponse({"status": response.status_code})
