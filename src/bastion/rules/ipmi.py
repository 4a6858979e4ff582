"""IPMI sessions, whose protocol leaks password hashes to anyone who asks."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from bastion.engine.context import Context
from bastion.model import Finding
from bastion.rules.registry import rule

IPMI_CLIENTS = frozenset({"pyghmi.ipmi.command.Command", "pyghmi.ipmi.private.session.Session", "pyghmi.ipmi.console.Console"})


@rule(
    "BST238",
    "ipmi-client",
    summary="IPMI session opened with pyghmi",
    calls=IPMI_CLIENTS,
    severity="medium",
    confidence="high",
    cwe=319,
    owasp="A02",
)
def ipmi_client(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags IPMI sessions created with `pyghmi` (`pyghmi.ipmi.command.Command(...)` and friends).

    ## Why is this bad?
    IPMI 2.0's RAKP authentication hands a salted hash of the user's password to any client that asks
    for it, before authenticating; the hash is then cracked offline. Traffic and credentials of
    IPMI 1.5 travel in clear. Management controllers reached this way control the whole machine.

    ## Example
    ```python
    ipmi = Command(bmc="10.0.0.5", userid="admin", password=secret)
    ```

    ## Use instead
    Use Redfish over HTTPS to manage servers, and keep BMC interfaces on an isolated management
    network.

    ## References
    - https://www.rapid7.com/blog/post/2013/07/02/a-penetration-testers-guide-to-ipmi/
    - https://cwe.mitre.org/data/definitions/319.html
    """
    yield ctx.finding(call, f"`{ctx.call_name(call)}` talks IPMI, which hands out password hashes before login")
