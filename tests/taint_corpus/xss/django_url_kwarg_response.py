from django.http import HttpResponse


def category(request, slug):
    return HttpResponse("<h1>Category: %s</h1>" % slug)  # expect: BST253
