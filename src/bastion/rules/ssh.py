"""SSH clients that accept unknown host keys."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from bastion.engine.context import Context
from bastion.fix import edits
from bastion.model import Finding, Severity
from bastion.rules.registry import rule

PERMISSIVE_POLICIES = {
    f"{module}.{policy}": policy
    for module in ("paramiko", "paramiko.client")
    for policy in ("AutoAddPolicy", "WarningPolicy")
}


@rule(
    "BST414",
    "ssh-host-key-unverified",
    summary="paramiko told to accept unknown SSH host keys (`AutoAddPolicy`, `WarningPolicy`)",
    nodes=(ast.Attribute, ast.Name),
    attrs=("AutoAddPolicy", "WarningPolicy"),
    severity="high",
    confidence="high",
    cwe=295,
    owasp="A07",
    fixable=True,
)
def ssh_host_key_unverified(node: ast.Attribute | ast.Name, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags paramiko's `AutoAddPolicy` and `WarningPolicy` used as values, typically in
    `client.set_missing_host_key_policy(paramiko.AutoAddPolicy())`.

    ## Why is this bad?
    The host key is the only thing that proves the client reached the real server. Accepting any key
    on first sight (or only warning) lets a machine-in-the-middle capture the password or agent
    credentials and every command and file transferred.

    ## Example
    ```python
    client = paramiko.SSHClient()
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    ```

    ## Use instead
    Load known host keys and reject unknown ones (the default):
    ```python
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    ```

    ## References
    - https://docs.paramiko.org/en/stable/api/client.html#paramiko.client.AutoAddPolicy
    - https://cwe.mitre.org/data/definitions/295.html
    """
    spelled = node.attr if isinstance(node, ast.Attribute) else node.id
    if spelled not in {"AutoAddPolicy", "WarningPolicy"} or isinstance(ctx.parent, (ast.Compare, ast.Attribute)):
        return
    policy = PERMISSIVE_POLICIES.get(ctx.qualname(node) or "")
    if policy is None or isinstance(ctx.parent, ast.ClassDef):
        return
    fix = None
    if isinstance(node, ast.Attribute):
        fix = edits.fix("use RejectPolicy", edits.replace(ctx.source, node, f"{ctx.source.segment(node.value)}.RejectPolicy"))
    severity = Severity.MEDIUM if policy == "WarningPolicy" else None
    verb = "only logs a warning for" if policy == "WarningPolicy" else "silently trusts"
    yield ctx.finding(node, f"`{policy}` {verb} unknown SSH host keys, so the server is never authenticated", fix=fix, severity=severity)
