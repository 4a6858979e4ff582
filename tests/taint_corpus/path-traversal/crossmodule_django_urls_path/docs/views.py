from django.http import HttpResponse

DOCS_ROOT = "/srv/docs/html/"


def doc_page(request, page):
    with open(DOCS_ROOT + page, encoding="utf-8") as fh:  # expect: BST252
        return HttpResponse(fh.read())
