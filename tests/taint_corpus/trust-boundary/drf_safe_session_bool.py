from rest_framework.decorators import api_view
from rest_framework.response import Response


@api_view(["POST"])
def dark_mode(request):
    enabled = request.data.get("enabled") in ("1", "true", "yes")
    request.session["dark_mode"] = bool(enabled)
    return Response({"dark_mode": enabled})
