import urllib3
from rest_framework.decorators import api_view
from rest_framework.response import Response

http = urllib3.PoolManager()


@api_view(["POST"])
def mirror(request):
    source = request.data["source"]
    resp = http.request("GET", source)  # expect: BST254
    return Response({"size": len(resp.data)})
