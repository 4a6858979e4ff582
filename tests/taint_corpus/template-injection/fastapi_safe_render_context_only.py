from fastapi import FastAPI
from jinja2 import Environment

app = FastAPI()
env = Environment(autoescape=True)
TPL = env.from_string("<p>{{ msg }}</p>")


@app.get("/msg")
def msg(text: str):
    return {"html": TPL.render(msg=text)}
