import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.post("/reports/pdf")
def pdf_report():
    options = {"title": request.form.get("title", "Report"), "dpi": "150"}
    cmd = "wkhtmltopdf --title '{title}' --dpi {dpi} /srv/report.html /tmp/out.pdf".format(**options)
    subprocess.Popen(cmd, shell=True).wait()  # expect: BST251
    return {"ok": True}
