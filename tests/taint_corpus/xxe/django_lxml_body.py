from django.http import JsonResponse
from lxml import etree


def soap_endpoint(request):
    parser = etree.XMLParser(resolve_entities=True)
    envelope = etree.XML(request.body, parser)  # expect: BST258
    return JsonResponse({"action": envelope.tag})
