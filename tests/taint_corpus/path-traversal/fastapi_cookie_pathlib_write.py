from pathlib import Path

from fastapi import Cookie, FastAPI

app = FastAPI()


@app.post("/drafts")
def save_draft(body: str, workspace: str = Cookie("default")):
    target = Path("/srv/drafts") / workspace / "draft.md"
    target.write_text(body)  # expect: BST252
    return {"saved": str(target)}
