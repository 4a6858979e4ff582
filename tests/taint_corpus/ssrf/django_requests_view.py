import requests
from django.http import JsonResponse


def fetch_metadata(request):
    target = request.POST.get("url")
    meta = requests.head(target, allow_redirects=True, timeout=5)  # expect: BST254
    return JsonResponse({"type": meta.headers.get("Content-Type")})
