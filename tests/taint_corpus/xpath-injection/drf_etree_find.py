import xml.etree.ElementTree as ET

from rest_framework.decorators import api_view
from rest_framework.response import Response

CONFIG = ET.parse("/srv/config/features.xml")


@api_view(["GET"])
def feature(request):
    name = request.query_params["name"]
    node = CONFIG.find(f"./feature[@name='{name}']")  # expect: BST257
    return Response({"enabled": node is not None and node.get("enabled") == "true"})
