import os

from django.http import HttpResponse
from django.views import View


class ExportDownload(View):
    export_root = "/srv/exports"

    def resolve(self, name: str) -> str:
        return os.path.join(self.export_root, name)

    def get(self, request):
        path = self.resolve(request.GET["name"])
        with open(path, "rb") as fh:  # expect: BST252
            return HttpResponse(fh.read(), content_type="application/octet-stream")
