from django.http import HttpResponse


def category_page(request, slug):
    # The slug converter only matches [-a-zA-Z0-9_]+, so no markup can get through.
    return HttpResponse("<h1>Category: %s</h1>" % slug)
