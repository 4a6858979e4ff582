from django.db import connection
from rest_framework.decorators import api_view
from rest_framework.response import Response


@api_view(["POST"])
def reserve_stock(request):
    quantity = int(request.data.get("quantity", 1))
    warehouse = float(request.data.get("warehouse", 0))
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE stock SET reserved = reserved + {quantity} WHERE warehouse = {warehouse}")
    return Response(status=204)
