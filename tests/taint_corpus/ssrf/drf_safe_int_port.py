import requests
from rest_framework.decorators import api_view
from rest_framework.response import Response


@api_view(["GET"])
def local_metrics(request):
    port = int(request.query_params.get("port", "9100"))
    resp = requests.get(f"http://127.0.0.1:{port}/metrics", timeout=2)
    return Response({"metrics": resp.text[:1000]})
