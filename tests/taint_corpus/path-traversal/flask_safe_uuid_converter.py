from flask import Flask, send_file

app = Flask(__name__)


@app.route("/invoices/<uuid:invoice_id>.pdf")
def invoice_pdf(invoice_id):
    return send_file(f"/srv/invoices/{invoice_id}.pdf", mimetype="application/pdf")
