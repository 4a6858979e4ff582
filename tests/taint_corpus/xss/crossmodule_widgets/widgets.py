from markupsafe import Markup


def alert_box(text):
    return Markup(f"<div class='alert'>{text}</div>")  # expect: BST253
