from django.http import JsonResponse
from lxml import etree

DOC = etree.parse("/srv/data/slides.xml")


def slide(request):
    n = int(request.GET.get("n", "1"))
    return JsonResponse({"title": DOC.xpath(f"string(//slide[{n}]/@title)")})
