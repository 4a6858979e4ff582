from flask import Flask, request, send_from_directory

app = Flask(__name__)


@app.route("/download")
def download():
    filename = request.args["file"]
    return send_from_directory("/srv/files", filename, as_attachment=True)
