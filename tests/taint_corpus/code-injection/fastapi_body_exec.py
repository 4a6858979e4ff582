from fastapi import Body, FastAPI

app = FastAPI()


@app.post("/notebook/cells")
def run_cell(code: str = Body(..., embed=True)):
    env: dict = {}
    exec(code, env)  # expect: BST250
    return {"vars": [k for k in env if not k.startswith("__")]}
