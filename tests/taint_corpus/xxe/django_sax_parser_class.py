import io
import xml.sax
from xml.sax.handler import feature_external_ges

from django.http import JsonResponse


class TitleCollector(xml.sax.ContentHandler):
    def __init__(self) -> None:
        super().__init__()
        self.titles: list[str] = []

    def characters(self, content):
        self.titles.append(content)


def parse_feed(request):
    handler = TitleCollector()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(request.body))  # expect: BST258
    return JsonResponse({"titles": handler.titles})
