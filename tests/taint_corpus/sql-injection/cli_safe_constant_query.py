import sqlite3


def purge_expired_sessions(db_path: str = "app.db") -> int:
    conn = sqlite3.connect(db_path)
    table = "sessions"
    cutoff_days = 30
    cur = conn.execute(f"DELETE FROM {table} WHERE created < date('now', '-{cutoff_days} days')")
    conn.commit()
    return cur.rowcount


if __name__ == "__main__":
    print(purge_expired_sessions())
