from flask import session


def store_preference(name, value):
    prefs = session.setdefault("prefs", {})
    session["pref_" + name] = value  # expect: BST260
    return prefs
