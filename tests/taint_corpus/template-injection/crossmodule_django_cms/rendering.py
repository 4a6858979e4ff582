from django.template import Context, Template


def render_block(markup, context):
    return Template(markup).render(Context(context))  # expect: BST263
