import logging

from django.http import JsonResponse
from django.views import View

logger = logging.getLogger("payments")


class WebhookView(View):
    def post(self, request):
        event_type = request.headers.get("X-Event-Type", "unknown")
        logger.exception("Unhandled webhook event: " + event_type)  # expect: BST750
        return JsonResponse({"received": True})
