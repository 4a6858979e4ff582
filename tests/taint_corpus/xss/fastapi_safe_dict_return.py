from fastapi import FastAPI

app = FastAPI()


@app.get("/greet")
async def greet(name: str = "friend"):
    return {"message": f"<b>Hi {name}</b>"}
