from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class Features(BaseModel):
    values: list[float]


@app.post("/ml/predict")
async def predict(features: Features):
    return {"n_features": len(features.values)}
