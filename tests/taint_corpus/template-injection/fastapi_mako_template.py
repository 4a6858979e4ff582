from fastapi import FastAPI, Body
from mako.template import Template

app = FastAPI()


@app.post("/reports/render")
def render_report(source: str = Body(..., embed=True)):
    return {"html": Template(source).render(rows=[1, 2, 3])}  # expect: BST263
