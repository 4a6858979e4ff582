from flask import Flask, request
from flask.views import View

app = Flask(__name__)


class MethodDispatch(View):
    def dispatch_request(self, **kwargs):
        handler = getattr(self, request.method.lower())
        return handler(**kwargs)

    def get(self, slug):
        return {"slug": slug}


app.add_url_rule("/pages/<slug>", view_func=MethodDispatch.as_view("pages"))
