from uuid import UUID

import psycopg2
from fastapi import FastAPI

app = FastAPI()


@app.get("/orders/{order_id}")
def order(order_id: UUID):
    conn = psycopg2.connect(dbname="shop")
    cur = conn.cursor()
    cur.execute(f"SELECT * FROM orders WHERE id = '{order_id}'")
    return cur.fetchone()
