import logging

from django.http import JsonResponse

log = logging.getLogger(__name__)


def status(request):
    code = int(request.GET.get("code", "200"))
    log.info("status probe %d", code)
    return JsonResponse({"code": code})
