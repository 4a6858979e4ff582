from jinja2 import Environment

_env = Environment(autoescape=True)


def render_mail(body, context):
    template = _env.from_string("<html><body>" + body + "</body></html>")  # expect: BST263
    return template.render(**context)
