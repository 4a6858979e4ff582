from django.db import connection
from django.http import JsonResponse
from django.views import View


class RawQueryMixin:
    def fetch(self, sql: str):
        with connection.cursor() as cursor:
            cursor.execute(sql)  # expect: BST550
            return cursor.fetchall()


class ProductSearch(RawQueryMixin, View):
    def get(self, request):
        brand = request.GET.get("brand", "")
        return JsonResponse({"rows": self.fetch("SELECT * FROM products WHERE brand = '%s'" % brand)})
