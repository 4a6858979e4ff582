from typing import Annotated

import sqlite3
from fastapi import FastAPI, Query

app = FastAPI()


@app.get("/feed")
def feed(limit: Annotated[int, Query(ge=1, le=100)] = 20, offset: Annotated[int, Query(ge=0)] = 0):
    conn = sqlite3.connect("feed.db")
    return conn.execute(f"SELECT * FROM posts ORDER BY id DESC LIMIT {limit} OFFSET {offset}").fetchall()
