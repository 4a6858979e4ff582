from fastapi import FastAPI
from sqlalchemy import create_engine, text

app = FastAPI()
engine = create_engine("sqlite:///catalog.db")


@app.get("/books")
def find_books(author: str):
    with engine.connect() as conn:
        result = conn.execute(text(f"SELECT title FROM books WHERE author = '{author}'"))  # expect: BST550
        return [row.title for row in result]
