"""HTTP requests that can wait forever."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from bastion.engine.astutil import keyword
from bastion.engine.context import Context
from bastion.fix import edits
from bastion.model import Finding
from bastion.rules.registry import rule

_METHODS = ("get", "post", "put", "patch", "delete", "head", "options", "request")
REQUESTS_CALLS = frozenset(f"requests.{m}" for m in _METHODS) | frozenset(f"requests.api.{m}" for m in _METHODS)
HTTPX_CALLS = frozenset(f"httpx.{m}" for m in (*_METHODS, "stream")) | {"httpx.Client", "httpx.AsyncClient"}


@rule(
    "BST235",
    "request-without-timeout",
    summary="HTTP request without a timeout",
    calls=REQUESTS_CALLS | HTTPX_CALLS,
    severity="medium",
    confidence="high",
    cwe=400,
    owasp="A05",
    fixable=True,
)
def request_without_timeout(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags `requests.get/post/...` calls without `timeout=`, and `requests` or `httpx` calls with
    `timeout=None`. The fix adds `timeout=30` to `requests` calls.

    ## Why is this bad?
    `requests` waits forever by default. A slow or malicious server (or one the attacker points you
    at) holds the worker until the pool is exhausted and the service stops answering.

    ## Example
    ```python
    response = requests.get(url)
    ```

    ## Use instead
    ```python
    response = requests.get(url, timeout=30)
    ```

    ## References
    - https://requests.readthedocs.io/en/latest/user/advanced/#timeouts
    - https://cwe.mitre.org/data/definitions/400.html

    ## Known limitations
    Calls through a `Session` object are not reported (a session may set a default timeout through an
    adapter).
    """
    name = ctx.call_name(call) or ""
    timeout = keyword(call, "timeout")
    if timeout is None:
        if name in HTTPX_CALLS or any(item.arg is None for item in call.keywords):
            return  # httpx has a 5 s default
        fix = edits.fix("time out after 30 seconds", edits.add_keyword(ctx.source, call, "timeout=30"))
        yield ctx.finding(call, f"`{name}` without `timeout=` can wait forever", fix=fix)
    elif isinstance(timeout, ast.Constant) and timeout.value is None:
        yield ctx.finding(call, f"`{name}(timeout=None)` can wait forever")
