from defusedxml.lxml import fromstring
from django.http import JsonResponse


def soap_endpoint(request):
    envelope = fromstring(request.body)
    return JsonResponse({"action": envelope.tag})
