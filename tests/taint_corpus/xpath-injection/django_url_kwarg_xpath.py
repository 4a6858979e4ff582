from django.http import JsonResponse
from lxml import etree

SITEMAP = etree.parse("/srv/data/sitemap.xml")


def page_meta(request, slug):
    nodes = SITEMAP.xpath("//page[@slug='%s']/meta" % slug)  # expect: BST257
    return JsonResponse({"meta": [n.text for n in nodes]})
