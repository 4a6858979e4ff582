from pathlib import Path

from flask import Flask, request

app = Flask(__name__)
TEMPLATES = Path("/srv/email-templates")


@app.route("/emails/preview")
def preview_email():
    template = Path(request.args.get("template", "welcome.txt")).name
    return (TEMPLATES / template).read_text()
