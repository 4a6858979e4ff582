import shlex
import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.post("/images/resize")
def resize():
    source = shlex.quote(request.form["source"])
    geometry = request.form.get("geometry", "800x600")
    subprocess.run(f"convert {source} -resize {geometry} /srv/out/resized.png", shell=True)  # expect: BST251
    return {"ok": True}
