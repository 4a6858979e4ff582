import re

from django.db import connection
from django.http import HttpResponseBadRequest, JsonResponse

SKU = re.compile(r"[A-Z0-9]{8}")


def sku_detail(request):
    sku = request.GET.get("sku", "")
    if not SKU.fullmatch(sku):
        return HttpResponseBadRequest("bad sku")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT name FROM products WHERE sku = '{sku}'")
        return JsonResponse({"name": cursor.fetchone()})
