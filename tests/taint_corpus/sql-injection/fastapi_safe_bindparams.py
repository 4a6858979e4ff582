from fastapi import FastAPI
from sqlalchemy import create_engine, text

app = FastAPI()
engine = create_engine("sqlite:///catalog.db")


@app.get("/books")
def find_books(author: str):
    with engine.connect() as conn:
        result = conn.execute(text("SELECT title FROM books WHERE author = :author"), {"author": author})
        return [row.title for row in result]
