from fastapi import FastAPI
from lxml import etree

app = FastAPI()
STORE = etree.parse("/srv/data/store.xml")


@app.get("/stock/{position}")
async def stock_at(position: int):
    return {"qty": [q.text for q in STORE.xpath(f"//item[{position}]/qty")]}
