from flask import Flask, request
from jinja2.sandbox import SandboxedEnvironment

app = Flask(__name__)
env = SandboxedEnvironment(autoescape=True)


@app.post("/emails/preview")
def preview_email():
    body = request.form["template"]
    return env.from_string(body).render(user="Ada")
