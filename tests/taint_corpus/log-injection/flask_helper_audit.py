import logging

from flask import Flask, request

app = Flask(__name__)
audit = logging.getLogger("audit")


def record(event: str, detail: str) -> None:
    audit.info("%s: %s", event, detail)  # expect: BST750


@app.post("/profile")
def update_profile():
    record("profile-update", request.form.get("bio", ""))
    return {"ok": True}
