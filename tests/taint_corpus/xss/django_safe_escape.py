from django.http import HttpResponse
from django.utils.html import escape


def search(request):
    q = request.GET.get("q", "")
    return HttpResponse(f"<h1>Results for {escape(q)}</h1>")
