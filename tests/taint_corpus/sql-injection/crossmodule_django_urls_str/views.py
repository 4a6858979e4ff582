from django.db import connection
from django.http import JsonResponse


def team_members(request, team):
    with connection.cursor() as cursor:
        cursor.execute("SELECT username FROM members WHERE team = '%s'" % team)  # expect: BST550
        return JsonResponse({"members": [r[0] for r in cursor.fetchall()]})
