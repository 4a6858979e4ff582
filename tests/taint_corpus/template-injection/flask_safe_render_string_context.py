from flask import Flask, render_template_string, request

app = Flask(__name__)


@app.route("/greeting")
def greeting():
    name = request.args.get("name", "visitor")
    return render_template_string("<h1>Welcome, {{ name }}!</h1>", name=name)
