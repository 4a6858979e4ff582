from lxml import etree
from rest_framework.decorators import api_view
from rest_framework.response import Response


@api_view(["POST"])
def import_opml(request):
    upload = request.FILES["opml"]
    parser = etree.XMLParser(resolve_entities=True, no_network=False)
    doc = etree.parse(upload, parser=parser)  # expect: BST258
    return Response({"outlines": len(doc.findall(".//outline"))})
