import pickle

from django.http import JsonResponse


def import_profile(request):
    blob = request.FILES["profile"].read()
    profile = pickle.loads(blob)  # expect: BST259
    return JsonResponse({"name": profile.get("name")})
