from jinja2 import Environment

_env = Environment(autoescape=True)
_LAYOUT = _env.from_string("<html><body>{{ body }}</body></html>")


def render_mail(body, context):
    return _LAYOUT.render(body=body, **context)
