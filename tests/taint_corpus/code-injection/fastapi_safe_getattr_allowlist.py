import math

from fastapi import FastAPI, HTTPException

app = FastAPI()
FUNCTIONS = {"sqrt", "log", "exp"}


@app.get("/math/{fn}")
def apply(fn: str, x: float):
    if fn not in FUNCTIONS:
        raise HTTPException(404)
    return {"value": eval(f"math.{fn}({x})", {"math": math})}
