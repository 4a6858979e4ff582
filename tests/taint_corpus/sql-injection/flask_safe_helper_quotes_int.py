import sqlite3

from flask import Flask, request

app = Flask(__name__)


def parse_page(raw: str) -> int:
    try:
        return max(1, int(raw))
    except ValueError:
        return 1


@app.route("/articles")
def articles():
    page = parse_page(request.args.get("page", "1"))
    offset = (page - 1) * 20
    conn = sqlite3.connect("cms.db")
    rows = conn.execute(f"SELECT title FROM articles LIMIT 20 OFFSET {offset}").fetchall()
    return {"page": page, "titles": [r[0] for r in rows]}
