from flask import Flask, render_template_string, request

app = Flask(__name__)


@app.route("/footer")
def footer():
    tpl = request.args.get("tpl", "")
    tpl = "<footer>&copy; {{ year }} Example</footer>"
    return render_template_string(tpl, year=2025)
