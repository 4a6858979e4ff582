import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.route("/uptime")
def uptime():
    theme = request.cookies.get("theme", "light")
    out = subprocess.check_output("uptime -p", shell=True, text=True)
    return {"uptime": out.strip(), "theme": theme}
