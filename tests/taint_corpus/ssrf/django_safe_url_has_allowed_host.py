import requests
from django.http import HttpResponseBadRequest, JsonResponse
from django.utils.http import url_has_allowed_host_and_scheme


def fetch_metadata(request):
    target = request.POST.get("url", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={"cdn.example.org"}, require_https=True):
        return HttpResponseBadRequest()
    meta = requests.head(target, timeout=5)
    return JsonResponse({"type": meta.headers.get("Content-Type")})
