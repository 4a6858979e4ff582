from fastapi import FastAPI
from lxml import etree

app = FastAPI()
STORE = etree.parse("/srv/data/store.xml")


@app.get("/stock")
async def stock(item: str):
    query = "//item[name/text()='{}']/qty".format(item)
    return {"qty": [q.text for q in STORE.xpath(query)]}  # expect: BST257
