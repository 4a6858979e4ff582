from django.db import connection
from rest_framework.response import Response
from rest_framework.views import APIView


class WarehouseStockView(APIView):
    def get(self, request):
        sku = request.query_params.get("sku")
        cursor = connection.cursor()
        cursor.execute("SELECT qty FROM stock WHERE sku = '" + sku + "'")  # expect: BST550
        return Response({"qty": cursor.fetchone()})
