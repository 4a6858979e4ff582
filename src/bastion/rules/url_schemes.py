"""URLs opened with openers that also accept `file://` and custom schemes."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from bastion.engine.astutil import argument, is_literal
from bastion.engine.context import Context
from bastion.model import Finding
from bastion.rules.registry import rule

URL_OPENERS = frozenset(
    {
        "urllib.request.urlopen",
        "urllib.request.urlretrieve",
        "urllib.request.Request",
        "urllib.request.URLopener",
        "urllib.request.FancyURLopener",
        "urllib.urlopen",
        "urllib.urlretrieve",
        "urllib2.urlopen",
        "urllib2.Request",
        "six.moves.urllib.request.urlopen",
    }
)


def _fixed_scheme(ctx: Context, node: ast.expr) -> bool:
    """The URL starts with a literal http(s):// scheme."""
    first: object = ...
    if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
        first = node.values[0].value
    elif isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        first = ctx.constant(node.left)
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        first = ctx.constant(node.func.value)
    else:
        first = ctx.constant(node)
    return isinstance(first, str) and first.lower().startswith(("http://", "https://", "ftp://"))


@rule(
    "BST236",
    "url-open-any-scheme",
    summary="`urllib` opens a run-time URL whatever its scheme, `file://` included",
    calls=URL_OPENERS,
    severity="medium",
    confidence="medium",
    cwe=918,  # as the taint analysis's SSRF finding (BST254), which replaces this one at the same call
    owasp="A10",
)
def url_open_any_scheme(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags `urllib.request.urlopen`, `urlretrieve` and `Request` when the URL is not a literal and does
    not start with a literal `http://`/`https://`, literal `file:` URLs, and the deprecated
    `URLopener`/`FancyURLopener` classes.

    ## Why is this bad?
    urllib's default opener handles `file://` (and `ftp://`, `data:`) as well as HTTP. A URL taken
    from input, a webhook setting or a redirect reads local files (`file:///etc/passwd`) instead of
    fetching a web page.

    ## Example
    ```python
    body = urllib.request.urlopen(feed_url).read()
    ```

    ## Use instead
    Check the scheme first, or use an HTTP-only client.
    ```python
    if urllib.parse.urlsplit(feed_url).scheme not in {"http", "https"}:
        raise ValueError("unsupported URL")
    body = requests.get(feed_url, timeout=10).content
    ```

    ## References
    - https://docs.python.org/3/library/urllib.request.html#urllib.request.urlopen
    - https://cwe.mitre.org/data/definitions/918.html
    - https://cwe.mitre.org/data/definitions/22.html

    ## Known limitations
    A scheme check made before the call is not recognised. Flows from request data to the URL are
    reported as server-side request forgery by BST254.
    """
    name = ctx.call_name(call) or ""
    if name.endswith(("URLopener", "FancyURLopener")):
        yield ctx.finding(call, f"`{name.rsplit('.', 1)[-1]}` (deprecated) opens file:// and ftp:// URLs as readily as http://")
        return
    url = argument(call, 0, "url") or argument(call, 0, "fullurl")
    literal = ctx.constant(url)
    if isinstance(literal, str) and literal.lower().startswith("file:"):
        yield ctx.finding(call, f"`{name.rsplit('.', 1)[-1]}` reads a local file through a `file:` URL; open the file directly")
        return
    if url is None or is_literal(url) or _fixed_scheme(ctx, url):
        return
    if isinstance(url, ast.Name):
        from bastion.rules import _local_flow

        values = _local_flow.assigned_values(ctx, url.id, call)
        if values and all(is_literal(v) or _fixed_scheme(ctx, v) for v in values):
            return
        if any(isinstance(v, ast.Call) and ctx.call_name(v) in URL_OPENERS for v in values):
            return  # a Request object built (and reported) above
    yield ctx.finding(call, f"`{name.rsplit('.', 1)[-1]}` opens `{ctx.source.segment(url)[:50]}` with any scheme, file:// included")
