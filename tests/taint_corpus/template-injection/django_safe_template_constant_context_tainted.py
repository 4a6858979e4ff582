from django.http import HttpResponse
from django.template import Context, Template

GREETING = Template("Hello {{ name }}!")


def hello(request):
    return HttpResponse(GREETING.render(Context({"name": request.GET.get("name", "")})))
