from flask import Flask, request, render_template
from markupsafe import Markup

app = Flask(__name__)


@app.route("/profile")
def profile():
    bio = request.args.get("bio", "")
    rendered_bio = Markup("<div class='bio'>{}</div>".format(bio))  # expect: BST253
    return render_template("profile.html", bio=rendered_bio)
