from flask import Flask, request
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
db = SQLAlchemy(app)


class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(80))


@app.route("/authors")
def authors():
    name = request.args.get("name", "")
    found = Author.query.filter_by(name=name).all()
    like = Author.query.filter(Author.name.like(f"%{name}%")).all()
    return {"exact": [a.id for a in found], "similar": [a.id for a in like]}
