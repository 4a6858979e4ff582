from flask import Flask, request

app = Flask(__name__)


@app.post("/plugins")
def plugin():
    code = request.files["plugin"].read().decode()
    scope = {}
    exec(compile(code, "plugin.py", "exec"), scope)  # expect: BST250
    return {"ok": True}
