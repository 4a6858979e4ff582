import pickle

from flask import Flask, request

app = Flask(__name__)
DEFAULTS = pickle.dumps({"theme": "light", "lang": "en"})


@app.route("/defaults")
def defaults():
    override = request.args.get("theme")
    prefs = pickle.loads(DEFAULTS)
    if override in ("light", "dark"):
        prefs["theme"] = override
    return prefs
