from fastapi import FastAPI

app = FastAPI()


@app.get("/convert")
async def convert(value: float, unit: str = "c"):
    fahrenheit = eval(f"{value} * 9 / 5 + 32")
    return {"f": fahrenheit, "unit": unit}
