import json

from django.http import JsonResponse


def import_profile(request):
    profile = json.loads(request.FILES["profile"].read())
    return JsonResponse({"name": profile.get("name")})
