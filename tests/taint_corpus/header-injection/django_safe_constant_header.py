from django.http import HttpResponse


def health(request):
    request.GET.get("probe")
    response = HttpResponse("ok", content_type="text/plain")
    response["X-Health"] = "green"
    return response
