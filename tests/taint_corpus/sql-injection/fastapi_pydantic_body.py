from fastapi import FastAPI
from pydantic import BaseModel
import sqlite3

app = FastAPI()


class CommentIn(BaseModel):
    post_slug: str
    body: str


@app.post("/comments")
def add_comment(comment: CommentIn):
    conn = sqlite3.connect("blog.db")
    conn.executescript(f"INSERT INTO comments (post, body) VALUES ('{comment.post_slug}', '{comment.body}');")  # expect: BST550
    return {"ok": True}
