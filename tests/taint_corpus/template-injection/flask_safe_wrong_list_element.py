from flask import Flask, render_template_string, request

app = Flask(__name__)


@app.route("/widgets")
def widgets():
    parts = ["<ul>{% for w in items %}<li>{{ w }}</li>{% endfor %}</ul>", request.args.get("extra", "")]
    return render_template_string(parts[0], items=["clock", "weather"], extra=parts[1])
