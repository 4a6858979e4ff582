import logging

from rest_framework.decorators import api_view
from rest_framework.response import Response

logger = logging.getLogger(__name__)


@api_view(["POST"])
def register_device(request):
    device_name = request.data.get("name", "")
    if device_name.isalnum():
        logger.info("Registering device %s", "alphanumeric name")
    return Response(status=201)
