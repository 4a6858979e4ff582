import logging

from rest_framework.decorators import api_view
from rest_framework.response import Response

logger = logging.getLogger(__name__)


@api_view(["POST"])
def register_device(request):
    device_name = request.data.get("name", "")
    logger.info("Registering device {}".format(device_name))  # expect: BST750
    return Response(status=201)
