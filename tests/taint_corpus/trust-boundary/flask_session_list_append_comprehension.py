from flask import Flask, request, session

app = Flask(__name__)


@app.post("/recent-searches")
def recent_searches():
    history = [q for q in request.form.getlist("q")][:5]
    session["recent_searches"] = history  # expect: BST260
    return {"n": len(history)}
