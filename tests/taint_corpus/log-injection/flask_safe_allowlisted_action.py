import logging

from flask import Flask, request, abort

app = Flask(__name__)
logger = logging.getLogger(__name__)
ACTIONS = {"archive", "restore", "delete"}


@app.post("/documents/<int:doc_id>/action")
def document_action(doc_id):
    action = request.form.get("action", "")
    if action not in ACTIONS:
        abort(400)
    logger.info("document %s: %s", doc_id, action)
    return {"ok": True}
