from flask import session

CURRENCIES = frozenset({"EUR", "USD", "GBP"})


def store_preference(name, value):
    if value not in CURRENCIES:
        return
    session["pref_" + name] = value
