from django.db import connection
from django.http import JsonResponse


def import_tags(request):
    tags = [(t.strip(),) for t in request.POST.get("tags", "").split(",") if t.strip()]
    with connection.cursor() as cursor:
        cursor.executemany("INSERT INTO tags (name) VALUES (%s)", tags)
    return JsonResponse({"imported": len(tags)})
