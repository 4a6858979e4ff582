from django.core.files.storage import default_storage
from django.http import JsonResponse


def upload(request):
    f = request.FILES["file"]
    saved = default_storage.save("uploads/" + f.name, f)
    return JsonResponse({"saved": saved})
