from fastapi import FastAPI
from lxml import etree

app = FastAPI()
tree = etree.parse("/srv/data/config.xml")


@app.get("/setting")
def setting(section: str, key: str):
    return {"value": tree.xpath("string(/config/section[@name=$s]/setting[@key=$k]/@value)", s=section, k=key)}
