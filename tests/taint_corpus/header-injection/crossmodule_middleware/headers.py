from flask import make_response


def tag_response(body, variant):
    resp = make_response(body)
    resp.headers["X-Experiment-Variant"] = variant  # expect: BST261
    return resp
