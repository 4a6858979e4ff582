import httpx
from rest_framework import viewsets
from rest_framework.response import Response


class LinkCheckViewSet(viewsets.ViewSet):
    def create(self, request):
        with httpx.Client(timeout=5) as client:
            resp = client.head(request.data["link"])  # expect: BST254
        return Response({"ok": resp.is_success})
