from enum import Enum

import sqlite3
from fastapi import FastAPI

app = FastAPI()


class Region(str, Enum):
    eu = "eu"
    us = "us"
    apac = "apac"


@app.get("/revenue/{region}")
def revenue(region: Region):
    conn = sqlite3.connect("finance.db")
    total = conn.execute(f"SELECT SUM(amount) FROM revenue_{region.value}").fetchone()[0]
    return {"region": region, "total": total}
