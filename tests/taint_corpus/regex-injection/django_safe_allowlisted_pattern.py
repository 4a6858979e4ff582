import re

from django.http import JsonResponse

PRESETS = {"digits": r"^\d+$", "words": r"^\w+$"}


def validate_field(request):
    preset = request.GET.get("preset", "digits")
    value = request.GET.get("value", "")
    pattern = PRESETS.get(preset, r"^\d+$")
    return JsonResponse({"valid": re.match(pattern, value) is not None})
