from django.http import HttpResponse
from django.template import engines

LAYOUTS = {"compact": "blocks/compact.html", "wide": "blocks/wide.html"}


def preview_block(request):
    layout = LAYOUTS.get(request.GET.get("layout", "compact"), "blocks/compact.html")
    template = engines["django"].get_template(layout)
    return HttpResponse(template.render({"markup": request.POST.get("markup", "")}, request))
