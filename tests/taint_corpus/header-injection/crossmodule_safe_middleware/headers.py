from flask import make_response

VARIANTS = ("a", "b")


def tag_response(body, variant):
    resp = make_response(body)
    resp.headers["X-Experiment-Variant"] = variant if variant in VARIANTS else "a"
    return resp
