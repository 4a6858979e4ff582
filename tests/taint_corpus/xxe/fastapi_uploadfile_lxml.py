from fastapi import FastAPI, UploadFile
from lxml import etree

app = FastAPI()
UNSAFE_PARSER = etree.XMLParser(resolve_entities=True, load_dtd=True)


@app.post("/gpx")
async def import_gpx(track: UploadFile):
    content = await track.read()
    gpx = etree.fromstring(content, UNSAFE_PARSER)  # expect: BST258
    return {"points": len(gpx.findall(".//{*}trkpt"))}
