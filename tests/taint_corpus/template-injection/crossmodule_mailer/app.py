from flask import Flask, request

from mailer import render_mail

app = Flask(__name__)


@app.post("/campaigns/preview")
def campaign_preview():
    return {"html": render_mail(request.form["body"], {"first_name": "Ada"})}
