from django.db import connection
from django.http import HttpResponse


def team_members(request, team_slug):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT username FROM members WHERE team = '{team_slug}'")  # expect: BST550
        names = [row[0] for row in cursor.fetchall()]
    return HttpResponse(", ".join(names), content_type="text/plain")
