from rest_framework.decorators import api_view
from rest_framework.response import Response


@api_view(["GET"])
def paginated(request):
    page = int(request.query_params.get("page", "1"))
    return Response([], headers={"Link": f"</api/items?page={page + 1}>; rel=\"next\""})
