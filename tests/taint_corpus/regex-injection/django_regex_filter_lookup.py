import re

from django.http import JsonResponse


def tag_search(request):
    expr = request.GET.get("q", "")
    tags = ["python", "django", "security"]
    rx = re.compile(expr + "$")  # expect: BST262
    return JsonResponse({"tags": [t for t in tags if rx.search(t)]})
