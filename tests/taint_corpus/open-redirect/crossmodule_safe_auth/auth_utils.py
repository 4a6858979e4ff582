from flask import redirect

INTERNAL_PAGES = ["/", "/account", "/orders"]


def safe_next(candidate):
    return candidate if candidate in INTERNAL_PAGES else "/"


def finish_login(next_url):
    return redirect(next_url)
