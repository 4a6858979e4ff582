import sqlite3

_conn = sqlite3.connect("warehouse.db")


def run_query(sql: str, params: tuple = ()):
    return _conn.execute(sql, params).fetchall()
