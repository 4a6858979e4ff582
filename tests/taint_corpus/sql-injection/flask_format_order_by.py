from flask import Flask, request, jsonify
import psycopg2

app = Flask(__name__)


def get_connection():
    return psycopg2.connect(dbname="inventory")


@app.route("/items")
def list_items():
    sort_column = request.args.get("sort", "name")
    conn = get_connection()
    with conn.cursor() as cursor:
        sql = "SELECT id, name, price FROM items ORDER BY {}".format(sort_column)
        cursor.execute(sql)  # expect: BST550
        items = cursor.fetchall()
    return jsonify(items)
