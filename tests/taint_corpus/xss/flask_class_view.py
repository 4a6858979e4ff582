from flask import Flask, request
from flask.views import MethodView

app = Flask(__name__)


class InviteView(MethodView):
    def render_invite(self, inviter: str) -> str:
        return f"<p>{inviter} invited you to join the team.</p>"

    def get(self):
        return self.render_invite(request.args.get("from", "Someone"))  # expect: BST253


app.add_url_rule("/invite", view_func=InviteView.as_view("invite"))
