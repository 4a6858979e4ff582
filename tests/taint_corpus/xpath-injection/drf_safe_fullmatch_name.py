import re
import xml.etree.ElementTree as ET

from rest_framework.decorators import api_view
from rest_framework.response import Response

CONFIG = ET.parse("/srv/config/features.xml")


@api_view(["GET"])
def feature(request):
    name = request.query_params["name"]
    if not re.fullmatch(r"[a-z_]{1,40}", name):
        return Response(status=400)
    node = CONFIG.find(f"./feature[@name='{name}']")
    return Response({"enabled": node is not None})
