import sqlite3

from fastapi import FastAPI

app = FastAPI()


@app.get("/audit")
def audit(note: str = "", urgent: str = "no"):
    size = len(note)
    flag = 1 if urgent.lower() in ("yes", "true") else 0
    conn = sqlite3.connect("audit.db")
    conn.execute(f"INSERT INTO audit (note_length, urgent) VALUES ({size}, {flag})")
    conn.commit()
    return {"stored": True}
