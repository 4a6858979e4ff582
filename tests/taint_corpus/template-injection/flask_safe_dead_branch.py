from flask import Flask, render_template, render_template_string, request

app = Flask(__name__)
CUSTOM_TEMPLATES = False


@app.route("/page")
def page():
    custom = request.args.get("tpl", "")
    if CUSTOM_TEMPLATES:
        return render_template_string(custom)
    return render_template("page.html")
