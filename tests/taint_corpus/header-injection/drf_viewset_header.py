from rest_framework import viewsets
from rest_framework.response import Response


class DownloadViewSet(viewsets.ViewSet):
    def retrieve(self, request, pk=None):
        response = Response({"id": pk})
        response["Content-Disposition"] = "attachment; filename=" + request.query_params.get("as", "file.json")  # expect: BST261
        return response
