from flask import Flask, request

app = Flask(__name__)


class RuleEngine:
    def compile_rule(self, text: str):
        return compile(text, "<rule>", "eval")  # expect: BST250

    def evaluate(self, text: str, facts: dict):
        return eval(self.compile_rule(text), {}, facts)


engine = RuleEngine()


@app.post("/rules/test")
def test_rule():
    payload = request.get_json(force=True)
    return {"matched": bool(engine.evaluate(payload["rule"], payload.get("facts", {})))}
