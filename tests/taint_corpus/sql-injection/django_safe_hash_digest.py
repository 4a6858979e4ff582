import hashlib

from django.db import connection
from django.http import JsonResponse


def api_key_lookup(request):
    digest = hashlib.sha256(request.headers.get("X-Api-Key", "").encode()).hexdigest()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT owner FROM api_keys WHERE key_sha256 = '{digest}'")
        row = cursor.fetchone()
    return JsonResponse({"owner": row[0] if row else None})
