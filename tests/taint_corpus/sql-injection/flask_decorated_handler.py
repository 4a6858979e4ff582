import functools
import sqlite3

from flask import Flask, request, g

app = Flask(__name__)


def with_db(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        g.db = sqlite3.connect("app.db")
        return view(*args, **kwargs)
    return wrapper


@app.route("/tags/rename", methods=["POST"])
@with_db
def rename_tag():
    old, new = request.form["old"], request.form["new"]
    g.db.execute(f"UPDATE tags SET name = '{new}' WHERE name = '{old}'")  # expect: BST550
    g.db.commit()
    return "", 204
