import logging
import uuid

from django.http import JsonResponse

logger = logging.getLogger(__name__)


def order_status(request, order_ref):
    ref = uuid.UUID(order_ref)
    logger.info("status check for order %s", ref)
    return JsonResponse({"ref": str(ref)})
