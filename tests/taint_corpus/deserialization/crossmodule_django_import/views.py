from django.http import JsonResponse

from importers import load_snapshot


def import_snapshot(request):
    snapshot = load_snapshot(request.FILES["snapshot"])
    return JsonResponse({"tables": sorted(snapshot)})
