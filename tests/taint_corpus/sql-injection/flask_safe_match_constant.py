import sqlite3
from flask import Flask, request

app = Flask(__name__)


@app.route("/leaderboard")
def leaderboard():
    period = request.args.get("period", "week")
    match period:
        case "day":
            window = "1 day"
        case "month":
            window = "30 days"
        case _:
            window = "7 days"
    conn = sqlite3.connect("game.db")
    rows = conn.execute(f"SELECT player, score FROM scores WHERE ts > date('now', '-{window}')").fetchall()
    return {"rows": rows}
