from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class User(db.Model):
    pass


class Post(db.Model):
    pass
