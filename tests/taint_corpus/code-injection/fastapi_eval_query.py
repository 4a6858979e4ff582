from fastapi import FastAPI

app = FastAPI()


@app.get("/convert")
async def convert(value: str, unit: str = "c"):
    celsius = eval(value)  # expect: BST250
    return {"f": celsius * 9 / 5 + 32 if unit == "c" else celsius}
