from django.db import connection
from rest_framework.decorators import api_view
from rest_framework.response import Response


@api_view(["GET"])
def leaderboard(request):
    order = request.query_params.get("order", "score DESC")
    with connection.cursor() as cursor:
        cursor.execute("SELECT player, score FROM leaderboard ORDER BY " + order + " LIMIT 10")  # expect: BST550
        return Response(cursor.fetchall())
