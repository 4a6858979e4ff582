from django.http import JsonResponse


def power(request):
    base = int(request.GET.get("base", "2"))
    exponent = int(request.GET.get("exp", "8"))
    return JsonResponse({"value": eval(f"{base} ** {min(exponent, 64)}")})
