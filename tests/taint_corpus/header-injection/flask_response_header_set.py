from flask import Flask, make_response, request

app = Flask(__name__)


@app.route("/export.csv")
def export_csv():
    filename = request.args.get("name", "export")
    resp = make_response("id,name\n1,Widget\n")
    resp.headers["Content-Disposition"] = f"attachment; filename={filename}.csv"  # expect: BST261
    return resp
