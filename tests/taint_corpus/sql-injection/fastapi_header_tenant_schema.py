import psycopg2
from fastapi import FastAPI, Header

app = FastAPI()


@app.get("/invoices")
def invoices(x_tenant: str = Header(...)):
    conn = psycopg2.connect(dbname="saas")
    cur = conn.cursor()
    cur.execute("SET search_path TO " + x_tenant)  # expect: BST550
    cur.execute("SELECT id, total FROM invoices")
    return cur.fetchall()
