from django.http import HttpResponse


def download_report(request):
    name = request.GET.get("name", "report")
    response = HttpResponse(b"...", content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="%s.pdf"' % name  # expect: BST261
    return response
