from django.http import HttpResponse
from django.utils.text import slugify


def download_report(request):
    name = slugify(request.GET.get("name", "report"))
    response = HttpResponse(b"...", content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response
