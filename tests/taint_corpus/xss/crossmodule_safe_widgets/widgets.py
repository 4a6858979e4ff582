from markupsafe import Markup, escape


def alert_box(text):
    return Markup(f"<div class='alert'>{escape(text)}</div>")
