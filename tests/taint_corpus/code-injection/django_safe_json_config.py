import json

from django.http import JsonResponse


def preview(request):
    config = json.loads(request.body or b"{}")
    return JsonResponse({"keys": sorted(config)})
