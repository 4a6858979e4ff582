from django.http import HttpResponse


def remember_client(request):
    request.session["client"] = request.META.get("HTTP_USER_AGENT", "")  # expect: BST260
    return HttpResponse("ok")
