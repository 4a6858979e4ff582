import sqlite3

import psycopg2
from flask import g

REPORTING_DSN = "postgresql://postgres:Winter2024!@db.internal:5432/shop"


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect("shop.db")
    return g.db


def reporting_connection():
    return psycopg2.connect(host="db.internal", user="postgres", password="Winter2024!", dbname="shop")
