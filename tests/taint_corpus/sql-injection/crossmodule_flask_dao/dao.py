import sqlite3

_conn = sqlite3.connect("orders.db")


def find_orders_by_status(status):
    sql = f"SELECT id, total FROM orders WHERE status = '{status}'"
    return _conn.execute(sql).fetchall()  # expect: BST550
