import sqlite3

from flask import Flask

app = Flask(__name__)


@app.route("/users/<username>/posts")
def user_posts(username):
    db = sqlite3.connect("blog.db")
    rows = db.execute(f"SELECT title FROM posts WHERE author = '{username}'").fetchall()  # expect: BST550
    return {"titles": [r[0] for r in rows]}
