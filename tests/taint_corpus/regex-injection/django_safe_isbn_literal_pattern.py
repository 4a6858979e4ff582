import re

from django.http import JsonResponse

ISBN = re.compile(r"^(?:\d{9}[\dX]|\d{13})$")


def check_isbn(request):
    value = request.GET.get("isbn", "").replace("-", "")
    return JsonResponse({"valid": bool(ISBN.match(value))})
