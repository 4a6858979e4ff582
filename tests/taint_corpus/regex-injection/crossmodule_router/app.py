from flask import Flask, request

from matching import compile_rule

app = Flask(__name__)


@app.post("/firewall/rules/test")
def test_rule():
    rule = compile_rule(request.form["rule"])
    return {"blocked": bool(rule.search(request.form.get("sample", "")))}
