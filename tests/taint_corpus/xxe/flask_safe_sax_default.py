import io
import xml.sax

from flask import Flask, request

app = Flask(__name__)


class CountHandler(xml.sax.ContentHandler):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def startElement(self, name, attrs):
        self.count += 1


@app.post("/xml/count")
def count_elements():
    handler = CountHandler()
    xml.sax.parse(io.BytesIO(request.get_data()), handler)
    return {"elements": handler.count}
