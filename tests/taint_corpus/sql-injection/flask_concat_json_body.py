import sqlite3
from flask import Flask, request

app = Flask(__name__)


@app.route("/api/notes", methods=["DELETE"])
def delete_note():
    payload = request.get_json()
    note_id = payload["id"]
    conn = sqlite3.connect("notes.db")
    conn.execute("DELETE FROM notes WHERE id = " + note_id)  # expect: BST550
    conn.commit()
    return "", 204
