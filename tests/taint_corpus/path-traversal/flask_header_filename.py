from flask import Flask, request

app = Flask(__name__)


@app.put("/files")
def put_file():
    filename = request.headers.get("X-Filename", "upload.bin")
    with open("/srv/dropbox/" + filename, "wb") as out:  # expect: BST252
        out.write(request.get_data())
    return "", 201
