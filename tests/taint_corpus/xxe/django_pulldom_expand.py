from xml.dom import pulldom
from xml.sax import make_parser
from xml.sax.handler import feature_external_ges

from django.http import JsonResponse


def import_feed(request):
    parser = make_parser()
    parser.setFeature(feature_external_ges, True)
    doc = pulldom.parseString(request.body.decode(), parser=parser)  # expect: BST258
    titles = []
    for event, node in doc:
        if event == pulldom.START_ELEMENT and node.tagName == "title":
            doc.expandNode(node)
            titles.append(node.toxml())
    return JsonResponse({"titles": titles})
