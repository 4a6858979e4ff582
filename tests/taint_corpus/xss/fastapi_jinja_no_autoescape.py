from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from jinja2 import Environment

app = FastAPI()
env = Environment(autoescape=False)
PAGE = env.from_string("<h1>Results for {{ query }}</h1>")


@app.get("/search", response_class=HTMLResponse)
def search(query: str = ""):
    return PAGE.render(query=query)  # expect: BST253
