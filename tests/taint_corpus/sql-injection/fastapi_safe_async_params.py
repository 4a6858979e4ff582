import asyncpg
from fastapi import FastAPI, Query

app = FastAPI()


@app.get("/events")
async def list_events(city: str = Query(..., max_length=64)):
    conn = await asyncpg.connect("postgresql://localhost/events")
    try:
        rows = await conn.fetch("SELECT * FROM events WHERE city = $1", city)
    finally:
        await conn.close()
    return [dict(r) for r in rows]
