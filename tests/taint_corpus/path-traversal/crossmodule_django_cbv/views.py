from django.http import HttpResponse
from django.views import View

from exports import ExportStore


class ExportDownloadView(View):
    store = ExportStore("/srv/exports")

    def get(self, request):
        data = self.store.read(request.GET.get("file", "latest.csv"))
        return HttpResponse(data, content_type="text/csv")
