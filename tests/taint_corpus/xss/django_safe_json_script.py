from django.http import HttpResponse
from django.utils.html import json_script


def boot(request):
    data = {"user": request.GET.get("user", "")}
    return HttpResponse("<html><body>" + json_script(data, "boot-data") + "</body></html>")
