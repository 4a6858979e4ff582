"""Servers that listen on every network interface."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from bastion.engine.astutil import argument, keyword
from bastion.engine.context import Context
from bastion.model import Finding
from bastion.rules.registry import rule

ALL_INTERFACES = frozenset({"0.0.0.0", "::", "0:0:0:0:0:0:0:0", "[::]"})
ADDRESS_TUPLE_SERVERS = frozenset(
    {
        "http.server.HTTPServer",
        "http.server.ThreadingHTTPServer",
        "socketserver.TCPServer",
        "socketserver.UDPServer",
        "socketserver.ThreadingTCPServer",
        "socketserver.ForkingTCPServer",
        "xmlrpc.server.SimpleXMLRPCServer",
        "socket.create_server",
    }
)
HOST_POSITIONAL = {"wsgiref.simple_server.make_server": 0, "asyncio.start_server": 1, "werkzeug.serving.run_simple": 0}


def _all_interfaces(ctx: Context, node: ast.expr | None, allow_empty: bool) -> str | None:
    value = ctx.constant(node)
    if isinstance(value, str) and (value in ALL_INTERFACES or (allow_empty and value == "")):
        return value or '""'
    return None


def _address(ctx: Context, node: ast.expr | None) -> str | None:
    value = node
    if isinstance(value, ast.Name):
        resolved = ctx.constant(value)
        if isinstance(resolved, tuple) and resolved:
            return resolved[0] if resolved[0] in ALL_INTERFACES else ('""' if resolved[0] == "" else None)
    if isinstance(value, ast.Tuple) and value.elts:
        return _all_interfaces(ctx, value.elts[0], allow_empty=True)
    return None


@rule(
    "BST226",
    "bind-all-interfaces",
    summary="Server bound to every network interface",
    calls=ADDRESS_TUPLE_SERVERS | HOST_POSITIONAL.keys(),
    attrs={"bind"},
    keywords={"host"},
    severity="low",
    confidence="medium",
    cwe=1327,
    owasp="A05",
)
def bind_all_interfaces(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags sockets and servers bound to `0.0.0.0`, `::` or `""`: `socket.bind(("0.0.0.0", port))`,
    `HTTPServer(("", port), ...)`, and `host="0.0.0.0"` passed to `app.run`, `uvicorn.run` and other
    servers.

    ## Why is this bad?
    Binding to every interface exposes the service on all networks the machine is attached to,
    including public ones, not just the one it was meant for. Development servers and admin endpoints
    in particular end up reachable from the Internet.

    ## Example
    ```python
    app.run(host="0.0.0.0", port=8080)
    ```

    ## Use instead
    Bind to the interface that should receive traffic, from configuration.
    ```python
    app.run(host=os.environ.get("BIND_ADDRESS", "127.0.0.1"), port=8080)
    ```

    ## References
    - https://cwe.mitre.org/data/definitions/1327.html

    ## Known limitations
    Containers usually must listen on all interfaces; suppress the finding there, or take the address
    from the environment.
    """
    name = ctx.call_name(call) or ""
    func = call.func
    found: str | None = None
    if isinstance(func, ast.Attribute) and func.attr == "bind" and len(call.args) == 1:
        found = _address(ctx, call.args[0])
    elif name in ADDRESS_TUPLE_SERVERS:
        found = _address(ctx, argument(call, 0, "server_address") or argument(call, 0, "address"))
    if found is None and name in HOST_POSITIONAL:
        found = _all_interfaces(ctx, argument(call, HOST_POSITIONAL[name], "host"), allow_empty=False)
    if found is None:
        found = _all_interfaces(ctx, keyword(call, "host"), allow_empty=False)
    if found is None:
        return
    yield ctx.finding(call, f"binds to {found}, every network interface")
