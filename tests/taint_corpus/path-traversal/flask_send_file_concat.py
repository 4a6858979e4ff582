from flask import Flask, request, send_file

app = Flask(__name__)


@app.route("/download")
def download():
    filename = request.args["file"]
    return send_file("/srv/files/" + filename, as_attachment=True)  # expect: BST252
