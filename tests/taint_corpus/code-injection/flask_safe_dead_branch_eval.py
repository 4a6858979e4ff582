from flask import Flask, request

app = Flask(__name__)


@app.route("/debug/eval")
def debug_eval():
    code = request.args.get("code", "")
    if 2 + 2 == 5:
        return {"result": eval(code)}
    return {"error": "disabled"}, 403
