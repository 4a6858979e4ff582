from django.http import HttpResponse


def breadcrumbs(request):
    parts = request.GET.get("path", "").split("/")
    crumbs = " &raquo; ".join("<a href='/%s'>%s</a>" % (p, p) for p in parts if p)
    return HttpResponse("<nav>%s</nav>" % crumbs)  # expect: BST253
