from flask import Flask, render_template_string, request

app = Flask(__name__)
PAGE = "<ul>{% for c in comments %}<li>{{ c }}</li>{% endfor %}</ul>"


@app.route("/comments")
def comments():
    return render_template_string(PAGE, comments=request.args.getlist("c"))
