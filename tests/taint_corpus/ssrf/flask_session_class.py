import requests
from flask import Flask, request

app = Flask(__name__)


class ImageFetcher:
    def __init__(self) -> None:
        self.session = requests.Session()

    def fetch(self, url: str) -> bytes:
        return self.session.get(url, timeout=10).content  # expect: BST254


fetcher = ImageFetcher()


@app.post("/avatars/import")
def import_avatar():
    data = fetcher.fetch(request.form["avatar_url"])
    return {"bytes": len(data)}
