import re

from rest_framework.decorators import api_view
from rest_framework.response import Response


@api_view(["POST"])
def check_pin(request):
    length = int(request.data.get("length", 4))
    return Response({"ok": re.fullmatch(r"\d{%d}" % length, request.data.get("pin", "")) is not None})
