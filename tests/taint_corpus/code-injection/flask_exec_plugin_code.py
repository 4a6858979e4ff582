from flask import Flask, request

app = Flask(__name__)


@app.post("/admin/hooks")
def install_hook():
    source = request.get_data(as_text=True)
    namespace: dict = {}
    exec(source, namespace)  # expect: BST250
    return {"installed": sorted(namespace)}
