import psycopg2
from psycopg2 import sql
from flask import Flask, request

app = Flask(__name__)


@app.route("/columns")
def column_values():
    column = request.args.get("column", "name")
    conn = psycopg2.connect(dbname="warehouse")
    with conn.cursor() as cur:
        cur.execute(sql.SQL("SELECT {} FROM items LIMIT 50").format(sql.Identifier(column)))
        return {"values": cur.fetchall()}
