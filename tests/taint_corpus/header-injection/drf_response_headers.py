from rest_framework.decorators import api_view
from rest_framework.response import Response


@api_view(["GET"])
def paginated(request):
    cursor = request.query_params.get("cursor", "")
    return Response([], headers={"Link": f"</api/items?cursor={cursor}>; rel=\"next\""})  # expect: BST261
