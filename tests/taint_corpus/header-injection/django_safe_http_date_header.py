import hashlib

from django.http import HttpResponse
from django.utils.http import http_date


def export(request):
    since = request.GET.get("since", "0")
    response = HttpResponse("data", content_type="text/csv")
    response.headers["Last-Modified"] = http_date(since)
    response.headers["X-Export-Id"] = hashlib.sha256(request.GET.get("id", "").encode()).hexdigest()
    return response
