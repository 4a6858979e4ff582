from django.http import HttpResponse
from django.utils.html import conditional_escape


def hello(request):
    name = conditional_escape(request.GET.get("name", ""))
    return HttpResponse("<p>Hello " + name + "</p>")
