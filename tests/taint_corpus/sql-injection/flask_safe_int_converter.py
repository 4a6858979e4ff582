import sqlite3

from flask import Flask

app = Flask(__name__)


@app.route("/users/<int:user_id>/posts")
def user_posts(user_id):
    db = sqlite3.connect("blog.db")
    rows = db.execute("SELECT title FROM posts WHERE author_id = %d" % user_id).fetchall()
    return {"titles": [r[0] for r in rows]}
