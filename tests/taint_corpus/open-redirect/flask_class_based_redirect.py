from flask import Flask, redirect, request
from flask.views import View

app = Flask(__name__)


class ContinueView(View):
    def dispatch_request(self):
        return redirect(request.args.get("continue", "/"))  # expect: BST255


app.add_url_rule("/continue", view_func=ContinueView.as_view("continue"))
