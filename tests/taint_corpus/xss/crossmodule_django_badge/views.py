from django.http import HttpResponse

from components import badge


def profile_badge(request):
    return HttpResponse(badge(request.GET.get("label", "member")))
