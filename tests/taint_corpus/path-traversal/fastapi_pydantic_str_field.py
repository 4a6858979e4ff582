from pathlib import Path

from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class NoteIn(BaseModel):
    title: str
    folder: str
    text: str


@app.post("/notes")
def save_note(note: NoteIn):
    target = Path("/srv/notes") / note.folder / f"{note.title}.md"
    with open(target, "w", encoding="utf-8") as fh:  # expect: BST252
        fh.write(note.text)
    return {"saved": str(target)}
