from flask import Flask, request, jsonify
import psycopg2

app = Flask(__name__)
SORTABLE = ("name", "price", "created_at")


@app.route("/items")
def list_items():
    sort_column = request.args.get("sort", "name")
    if sort_column not in SORTABLE:
        sort_column = "name"
    conn = psycopg2.connect(dbname="inventory")
    with conn.cursor() as cursor:
        cursor.execute("SELECT id, name, price FROM items ORDER BY {}".format(sort_column))
        return jsonify(cursor.fetchall())
