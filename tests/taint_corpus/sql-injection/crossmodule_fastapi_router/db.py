import sqlite3

_conn = sqlite3.connect("warehouse.db")


def run_query(sql: str):
    return _conn.execute(sql).fetchall()  # expect: BST550
