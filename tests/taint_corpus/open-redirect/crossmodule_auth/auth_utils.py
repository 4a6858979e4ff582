from flask import redirect, session


def finish_login(user, next_url):
    session["user"] = "authenticated"
    return redirect(next_url)  # expect: BST255
