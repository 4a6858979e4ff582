from django.db import connection
from django.http import JsonResponse


def multi_lookup(request):
    names = request.GET.getlist("name")
    parts = (f"SELECT id FROM accounts WHERE name = '{n}'" for n in names)
    with connection.cursor() as cursor:
        cursor.execute(" UNION ".join(parts))  # expect: BST550
        return JsonResponse({"ids": [r[0] for r in cursor.fetchall()]})
