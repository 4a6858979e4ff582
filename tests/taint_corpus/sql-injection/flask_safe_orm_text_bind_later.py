from flask import Flask, request
from sqlalchemy import create_engine, text

app = Flask(__name__)
engine = create_engine("sqlite:///app.db")
FIND = text("SELECT id FROM users WHERE email = :email")


@app.route("/users/by-email")
def by_email():
    with engine.connect() as conn:
        row = conn.execute(FIND.bindparams(email=request.args.get("email", ""))).first()
    return {"id": row.id if row else None}
