from django.http import HttpResponse


def robots(request):
    agent = request.GET.get("agent", "*")
    if agent not in ("*", "Googlebot", "Bingbot"):
        agent = "*"
    return HttpResponse(f"User-agent: {agent}\nDisallow: /admin/\n", content_type="text/plain")
