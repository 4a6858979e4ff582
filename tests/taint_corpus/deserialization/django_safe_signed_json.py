from django.core import signing
from django.http import JsonResponse


def resume(request):
    state = signing.loads(request.GET.get("state", ""), max_age=3600)
    return JsonResponse({"step": state.get("step")})
