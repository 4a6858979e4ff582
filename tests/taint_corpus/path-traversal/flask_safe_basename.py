import os

from flask import Flask, request

app = Flask(__name__)
REPORT_DIR = "/srv/reports"


@app.route("/reports/view")
def view_report():
    name = os.path.basename(request.args.get("name", ""))
    with open(os.path.join(REPORT_DIR, name)) as handle:
        return handle.read()
