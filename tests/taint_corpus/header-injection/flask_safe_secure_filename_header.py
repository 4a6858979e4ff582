from flask import Flask, make_response, request
from werkzeug.utils import secure_filename

app = Flask(__name__)


@app.route("/export.csv")
def export_csv():
    filename = secure_filename(request.args.get("name", "export")) or "export"
    resp = make_response("id,name\n1,Widget\n")
    resp.headers["Content-Disposition"] = f"attachment; filename={filename}.csv"
    return resp
