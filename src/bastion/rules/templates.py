"""Templates that do not escape, and markup trusted without being escaped."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from bastion.engine.astutil import argument, is_literal, keyword
from bastion.engine.context import Context
from bastion.fix import edits
from bastion.model import Confidence, Finding, Severity
from bastion.rules import _local_flow
from bastion.rules._strings import is_built, pieces
from bastion.rules.registry import rule

JINJA_ENVIRONMENTS = frozenset({"jinja2.Environment", "jinja2.environment.Environment", "jinja2.Template", "jinja2.Overlay"})
MAKO = frozenset({"mako.template.Template", "mako.lookup.TemplateLookup"})
MARK_SAFE = frozenset(
    {
        "django.utils.safestring.mark_safe",
        "django.utils.safestring.SafeString",
        "django.utils.safestring.SafeText",
        "markupsafe.Markup",
        "flask.Markup",
        "jinja2.Markup",
        "jinja2.utils.Markup",
    }
)
# Calls whose result is already escaped (or escapes its arguments).
ESCAPING = frozenset(
    {
        "django.utils.html.escape",
        "django.utils.html.conditional_escape",
        "django.utils.html.format_html",
        "django.utils.html.format_html_join",
        "django.utils.html.escapejs",
        "django.utils.html.strip_tags",
        "django.template.loader.render_to_string",
        "django.utils.html.json_script",
        "html.escape",
        "markupsafe.escape",
        "flask.escape",
        "jinja2.escape",
        "flask.render_template",
        "bleach.clean",
        "nh3.clean",
    }
)
TEMPLATE_FROM_STRING = frozenset({"flask.render_template_string", "flask.templating.render_template_string"})


@rule(
    "BST218",
    "jinja2-autoescape-disabled",
    summary="Jinja2 environment with autoescaping off",
    calls=JINJA_ENVIRONMENTS,
    severity="high",
    confidence="high",
    cwe=79,
    owasp="A03",
    fixable=True,
)
def jinja2_autoescape_disabled(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags `jinja2.Environment(...)` (and `Template(...)`) created with `autoescape=False` or without
    `autoescape`, whose default is off.

    ## Why is this bad?
    Without autoescaping every `{{ value }}` is inserted into HTML as is: any value an attacker
    controls becomes script in your page (cross-site scripting).

    ## Example
    ```python
    env = Environment(loader=FileSystemLoader("templates"))
    ```

    ## Use instead
    ```python
    env = Environment(loader=FileSystemLoader("templates"), autoescape=select_autoescape())
    ```

    ## References
    - https://jinja.palletsprojects.com/en/stable/api/#autoescaping
    - https://cwe.mitre.org/data/definitions/79.html

    ## Known limitations
    Environments that render only non-HTML text (e-mails in plain text, config files) are reported too;
    say so with `autoescape=False` and a suppression comment. Flask's own environment escapes already.
    """
    name = ctx.call_name(call) or ""
    if name == "jinja2.Template" and argument(call, 0, "source") is None:
        return
    value = keyword(call, "autoescape")
    if value is None:
        if any(item.arg is None for item in call.keywords):
            return
        fix = edits.fix("turn autoescaping on", edits.add_keyword(ctx.source, call, "autoescape=True"))
        yield ctx.finding(call, f"`{name}` without `autoescape` does not escape HTML", severity=Severity.MEDIUM, fix=fix)
        return
    if ctx.constant(value) is False:
        fix = edits.fix("turn autoescaping on", edits.replace(ctx.source, value, "True"))
        yield ctx.finding(call, f"`{name}(autoescape=False)` inserts values into HTML unescaped", fix=fix)


@rule(
    "BST219",
    "mako-template",
    summary="Mako template without HTML escaping by default",
    calls=MAKO,
    severity="medium",
    confidence="medium",
    cwe=79,
    owasp="A03",
)
def mako_template(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags `mako.template.Template` and `mako.lookup.TemplateLookup` created without
    `default_filters=["h"]` (HTML escaping for every expression).

    ## Why is this bad?
    Mako inserts `${value}` as is unless told to escape; every value an attacker controls in an HTML
    template becomes cross-site scripting.

    ## Example
    ```python
    lookup = TemplateLookup(directories=["templates"])
    ```

    ## Use instead
    ```python
    lookup = TemplateLookup(directories=["templates"], default_filters=["h"])
    ```

    ## References
    - https://docs.makotemplates.org/en/latest/filtering.html
    - https://cwe.mitre.org/data/definitions/79.html
    """
    filters = ctx.constant(keyword(call, "default_filters"))
    if isinstance(filters, (list, tuple)) and any(f in {"h", "html_escape", "markupsafe.escape"} or str(f).endswith("escape") for f in filters):
        return
    if keyword(call, "default_filters") is not None and filters is ...:
        return
    yield ctx.finding(call, f"`{ctx.call_name(call)}` does not HTML-escape expressions; add default_filters=['h']")


REQUEST_DATA = re.compile(r"\brequest\.(?:GET|POST|args|form|values|json|data|cookies|COOKIES|headers|META|query_params|get_json)\b")


def _from_request(ctx: Context, node: ast.expr) -> bool:
    return bool(REQUEST_DATA.search(ctx.source.segment(node)))


TRUSTED_TEXT = frozenset(
    {"escape", "conditional_escape", "format_html", "render_to_string", "render_template", "clean", "_", "gettext",
     "gettext_lazy", "ngettext", "pgettext", "ugettext", "int", "len", "float", "json_script", "urlencode", "quote"}
)


def _escaped(ctx: Context, node: ast.expr, depth: int = 0) -> bool:
    if is_literal(node) or ctx.constant(node) is not ...:
        return True
    if isinstance(node, ast.Call):
        func = node.func
        spelled = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        name = ctx.call_name(node) or spelled
        if name in ESCAPING or name.rsplit(".", 1)[-1] in TRUSTED_TEXT:
            return True
    if isinstance(node, ast.Name) and depth < 3:
        # `label = _("Select all")` or `label = escape(value)` earlier in the function
        values = _local_flow.assigned_values(ctx, node.id, node)
        return bool(values) and all(_escaped(ctx, value, depth + 1) for value in values)
    if isinstance(node, ast.IfExp):
        return _escaped(ctx, node.body, depth) and _escaped(ctx, node.orelse, depth)
    if is_built(node):
        return all(_escaped(ctx, piece, depth) for piece in pieces(node))
    return False


@rule(
    "BST220",
    "mark-safe-non-literal",
    summary="Markup marked safe although it is built from values that were not escaped",
    calls=MARK_SAFE,
    severity="medium",
    confidence="medium",
    cwe=79,
    owasp="A03",
)
def mark_safe_non_literal(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags Django's `mark_safe`/`SafeString` and MarkupSafe's `Markup` applied to HTML built with an
    f-string, `%`, `+` or `.format()` from values that were not escaped (by `escape`, `format_html`,
    `render_to_string`, ...).

    ## Why is this bad?
    Marking text safe turns off escaping for it. When the text contains a value an attacker controls
    (a name, a comment, a URL parameter) that value reaches the page as HTML: cross-site scripting.

    ## Example
    ```python
    return mark_safe(f"<b>{user.display_name}</b>")
    ```

    ## Use instead
    ```python
    return format_html("<b>{}</b>", user.display_name)
    ```

    ## References
    - https://docs.djangoproject.com/en/stable/ref/utils/#django.utils.safestring.mark_safe
    - https://markupsafe.palletsprojects.com/en/stable/escaping/
    - https://cwe.mitre.org/data/definitions/79.html

    ## Known limitations
    Values escaped earlier and stored in a variable are not recognised; a variable passed as is is not
    reported (it is usually markup built safely elsewhere). Flows from request data are
    reported with their trace by BST253.
    """
    value = argument(call, 0)
    if value is None:
        return
    if not is_built(value):
        if _from_request(ctx, value):
            yield ctx.finding(call, f"`{(ctx.call_name(call) or '').rsplit('.', 1)[-1]}` trusts request data as HTML", confidence=Confidence.HIGH)
        return
    unescaped = [piece for piece in pieces(value) if not _escaped(ctx, piece)]
    if not unescaped:
        return
    name = (ctx.call_name(call) or "").rsplit(".", 1)[-1]
    yield ctx.finding(
        call,
        f"`{name}` trusts HTML built from `{ctx.source.segment(unescaped[0])[:50]}` without escaping it",
        confidence=Confidence.HIGH if isinstance(unescaped[0], (ast.Name, ast.Attribute, ast.Subscript)) else None,
    )


@rule(
    "BST221",
    "template-from-string",
    summary="Template source built at run time (server-side template injection)",
    calls=TEMPLATE_FROM_STRING | {"jinja2.Template", "mako.template.Template", "django.template.Template"},
    attrs={"from_string"},
    severity="high",
    confidence="medium",
    cwe=1336,
    owasp="A03",
)
def template_from_string(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags `render_template_string`, `Environment.from_string`, `jinja2.Template`, Mako and Django
    `Template` when the template source is built from non-literal text (an f-string, `%`, `+` or
    `.format()` with run-time values).

    ## Why is this bad?
    Template syntax is code. A value placed into the template source rather than passed as a variable
    is evaluated by the engine: `{{ cycler.__init__.__globals__.os.popen('id').read() }}` runs
    commands (server-side template injection).

    ## Example
    ```python
    return render_template_string(f"<h1>Hello {name}</h1>")
    ```

    ## Use instead
    ```python
    return render_template_string("<h1>Hello {{ name }}</h1>", name=name)
    ```

    ## References
    - https://portswigger.net/research/server-side-template-injection
    - https://cwe.mitre.org/data/definitions/1336.html

    ## Known limitations
    Template text read from files or variables is not reported here; flows from request data into
    template sources are reported by BST263.
    """
    name = ctx.call_name(call) or ""
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr == "from_string" and name not in TEMPLATE_FROM_STRING:
        name = "from_string"
    source = argument(call, 0, "source")
    if source is None:
        return
    if not is_built(source):
        if _from_request(ctx, source):
            yield ctx.finding(call, f"`{name.rsplit('.', 1)[-1]}` compiles a template taken from the request")
        return
    if is_literal(source) or all(is_literal(p) or ctx.constant(p) is not ... for p in pieces(source)):
        return
    yield ctx.finding(call, f"`{name.rsplit('.', 1)[-1]}` compiles a template built from run-time values")
