from flask import Flask, request

app = Flask(__name__)


def table_row(*cells: str) -> str:
    return "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"


@app.route("/contacts/add-preview")
def add_preview():
    name = request.args.get("name", "")
    email = request.args.get("email", "")
    return "<table>" + table_row(name, email) + "</table>"  # expect: BST253
