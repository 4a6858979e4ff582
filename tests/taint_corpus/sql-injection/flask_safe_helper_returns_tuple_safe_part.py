import sqlite3

from flask import Flask, request

app = Flask(__name__)


def parse_sort(raw: str) -> tuple[str, str]:
    direction = "DESC" if raw.startswith("-") else "ASC"
    return direction, raw.lstrip("-")


@app.route("/articles")
def articles():
    direction, field = parse_sort(request.args.get("sort", "-published"))
    conn = sqlite3.connect("cms.db")
    rows = conn.execute(f"SELECT id, title FROM articles ORDER BY published {direction}").fetchall()
    return {"rows": rows, "requested": field}
