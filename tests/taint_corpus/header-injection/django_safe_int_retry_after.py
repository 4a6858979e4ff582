from django.http import HttpResponse


def throttled(request):
    wait = int(request.GET.get("wait", "30"))
    response = HttpResponse(status=429)
    response["Retry-After"] = str(min(wait, 3600))
    return response
