from flask import Flask, request

from rules.evaluator import check_condition

app = Flask(__name__)


@app.post("/alerts/preview")
def preview_alert():
    condition = request.form["condition"]
    return {"fires": check_condition(condition, {"cpu": 93, "mem": 40})}
