from fastapi import FastAPI
from jinja2 import Environment

app = FastAPI()
env = Environment(autoescape=True)


@app.get("/progress/{percent}")
def progress(percent: int):
    return {"html": env.from_string(f"<progress value='{percent}' max='100'></progress>").render()}
