from rest_framework.decorators import api_view
from rest_framework.response import Response


@api_view(["POST"])
def impersonate(request):
    target = request.data.get("username")
    request.session["impersonating"] = target  # expect: BST260
    return Response({"impersonating": target})
