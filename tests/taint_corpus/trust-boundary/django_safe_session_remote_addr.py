from django.http import HttpResponse


def remember_client(request):
    request.session["client_ip"] = request.META.get("REMOTE_ADDR")
    request.session["port"] = request.META["SERVER_PORT"]
    return HttpResponse("ok")
