from django.db import connection
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.response import Response


class SearchSerializer(serializers.Serializer):
    keyword = serializers.CharField(max_length=100)


@api_view(["POST"])
def search(request):
    serializer = SearchSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    keyword = serializer.validated_data["keyword"]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id FROM articles WHERE title LIKE '%%{keyword}%%'")  # expect: BST550
        return Response([r[0] for r in cursor.fetchall()])
