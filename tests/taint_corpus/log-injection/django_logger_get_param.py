import logging

from django.http import JsonResponse

logger = logging.getLogger(__name__)


def coupon_check(request):
    code = request.GET.get("code", "")
    logger.info("coupon check code=%s", code)  # expect: BST750
    return JsonResponse({"valid": code == "WELCOME10"})
