from django.http import HttpResponse
from django.utils.http import quote_etag


def document(request):
    version = request.GET.get("v", "1")
    response = HttpResponse("body")
    response.headers["ETag"] = quote_etag(version)  # expect: BST261
    return response
