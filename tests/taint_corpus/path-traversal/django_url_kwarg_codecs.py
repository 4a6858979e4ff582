import codecs

from django.http import HttpResponse


def legacy_page(request, slug):
    with codecs.open("/srv/legacy/%s.html" % slug, encoding="latin-1") as fh:  # expect: BST252
        return HttpResponse(fh.read())
