from fastapi import FastAPI, Header

app = FastAPI()


@app.get("/feature")
def feature(x_feature_expr: str = Header("False")):
    enabled = eval(x_feature_expr, {"__builtins__": {}})  # expect: BST250
    return {"enabled": bool(enabled)}
