from django.http import HttpResponse


def legacy_location(request):
    target = request.GET.get("to", "/")
    return HttpResponse(status=302, headers={"Location": target})  # expect: BST261
