from flask import Flask, render_template_string, request

app = Flask(__name__)


@app.route("/t")
def t():
    templates = ("<b>{{ v }}</b>", "<i>{{ v }}</i>")
    user_template = request.args.get("tpl", "")
    chosen = templates[len("x")]
    return render_template_string(chosen, v=user_template)
