from django.http import HttpResponse
from django.template import engines


def custom_banner(request):
    banner = request.GET.get("banner", "Hello")
    django_engine = engines["django"]
    return HttpResponse(django_engine.from_string("<div>" + banner + "</div>").render({}))  # expect: BST263
