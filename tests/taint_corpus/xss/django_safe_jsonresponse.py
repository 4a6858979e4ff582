from django.http import JsonResponse


def echo(request):
    return JsonResponse({"html": "<b>" + request.GET.get("text", "") + "</b>"})
