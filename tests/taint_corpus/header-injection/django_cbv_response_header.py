from django.http import JsonResponse
from django.views import View


class ExportView(View):
    def get(self, request):
        fmt = request.GET.get("format", "json")
        response = JsonResponse({"rows": []})
        response.headers["X-Export-Format"] = fmt  # expect: BST261
        return response
