import logging

from flask import Flask, request

app = Flask(__name__)
audit = logging.getLogger("audit")


def record(event: str, detail: str) -> None:
    audit.info("%s: %s", event, detail)


@app.post("/profile")
def update_profile():
    bio = request.form.get("bio", "")
    record("profile-update", "bio changed" if bio else "bio cleared")
    return {"ok": True}
