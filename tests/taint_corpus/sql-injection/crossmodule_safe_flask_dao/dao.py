import sqlite3

_conn = sqlite3.connect("orders.db")


def find_orders_by_status(status):
    return _conn.execute("SELECT id, total FROM orders WHERE status = ?", (status,)).fetchall()
