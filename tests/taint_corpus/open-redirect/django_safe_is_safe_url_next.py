from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme


def done(request):
    nxt = request.POST.get("next", "/")
    safe = nxt if url_has_allowed_host_and_scheme(nxt, allowed_hosts={"app.example.com"}) else "/"
    return HttpResponseRedirect(safe)
