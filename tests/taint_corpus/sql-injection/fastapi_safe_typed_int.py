from fastapi import FastAPI
from sqlalchemy import create_engine, text

app = FastAPI()
engine = create_engine("postgresql://localhost/catalog")


@app.get("/books/{book_id}")
def get_book(book_id: int):
    with engine.connect() as conn:
        row = conn.execute(text(f"SELECT * FROM books WHERE id = {book_id}")).first()
        return dict(row._mapping) if row else {}
