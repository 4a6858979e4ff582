from defusedxml.minidom import parseString
from rest_framework.decorators import api_view
from rest_framework.response import Response


@api_view(["POST"])
def import_opml(request):
    doc = parseString(request.body)
    return Response({"outlines": len(doc.getElementsByTagName("outline"))})
