from django.db import connection
from rest_framework import viewsets
from rest_framework.response import Response


class ReportViewSet(viewsets.ViewSet):
    def create(self, request):
        filters = request.data
        clause = " AND ".join(f"{key} = '{value}'" for key, value in filters.items())
        with connection.cursor() as cursor:
            cursor.execute("SELECT * FROM reports WHERE " + clause)  # expect: BST550
            return Response(cursor.fetchall())
