from fastapi import FastAPI
from lxml import etree

app = FastAPI()
STORE = etree.parse("/srv/data/store.xml")


@app.get("/stock")
async def stock(item: str):
    return {"qty": [q.text for q in STORE.xpath("//item[name/text()=$item]/qty", item=item)]}
