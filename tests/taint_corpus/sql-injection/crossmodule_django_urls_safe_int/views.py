from django.db import connection
from django.http import JsonResponse


def team_members(request, team_id):
    with connection.cursor() as cursor:
        cursor.execute("SELECT username FROM members WHERE team_id = %s" % team_id)
        return JsonResponse({"members": [r[0] for r in cursor.fetchall()]})
