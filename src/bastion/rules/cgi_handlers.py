"""CGI handlers that pass the `Proxy` request header on as `HTTP_PROXY` (httpoxy)."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from bastion.engine.context import Context
from bastion.model import Finding
from bastion.rules.registry import rule

CGI_HANDLERS = frozenset({"wsgiref.handlers.CGIHandler", "twisted.web.twcgi.CGIScript", "twisted.web.twcgi.CGIDirectory"})


@rule(
    "BST237",
    "cgi-httpoxy",
    summary="CGI handler exposed to httpoxy (`Proxy` header becomes `HTTP_PROXY`)",
    calls=CGI_HANDLERS,
    severity="high",
    confidence="medium",
    cwe=284,
    owasp="A05",
)
def cgi_httpoxy(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags `wsgiref.handlers.CGIHandler` and Twisted's `CGIScript`/`CGIDirectory`.

    ## Why is this bad?
    Under CGI, request headers become environment variables: a `Proxy:` header arrives as
    `HTTP_PROXY`, which `requests`, `urllib` and many other clients read as their proxy setting. The
    attacker then receives the application's outgoing requests, credentials included ("httpoxy",
    CVE-2016-1000110).

    ## Example
    ```python
    wsgiref.handlers.CGIHandler().run(app)
    ```

    ## Use instead
    Serve the application with a WSGI server (gunicorn, uWSGI, mod_wsgi), or strip the `Proxy`
    header in front of the CGI handler.

    ## References
    - https://httpoxy.org/
    - https://nvd.nist.gov/vuln/detail/CVE-2016-1000110
    - https://cwe.mitre.org/data/definitions/284.html
    """
    yield ctx.finding(call, f"`{ctx.call_name(call)}` turns the Proxy request header into HTTP_PROXY")
