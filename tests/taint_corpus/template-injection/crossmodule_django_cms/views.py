from django.http import HttpResponse

from rendering import render_block


def preview_block(request):
    return HttpResponse(render_block(request.POST["markup"], {"site": "Example"}))
