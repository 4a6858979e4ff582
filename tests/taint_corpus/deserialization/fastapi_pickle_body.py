import pickle

from fastapi import FastAPI, Request

app = FastAPI()


@app.post("/ml/predict")
async def predict(request: Request):
    features = pickle.loads(await request.body())  # expect: BST259
    return {"n_features": len(features)}
