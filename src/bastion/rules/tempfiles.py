"""Temporary file names that another process can claim first."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from bastion.engine.context import Context
from bastion.model import Finding
from bastion.rules.registry import rule

RACY_NAME_FUNCTIONS = frozenset({"tempfile.mktemp", "os.tempnam", "os.tmpnam"})


@rule(
    "BST205",
    "insecure-temp-file",
    summary="`tempfile.mktemp` returns a name another process can create first",
    calls=RACY_NAME_FUNCTIONS,
    severity="medium",
    confidence="high",
    cwe=377,
    owasp="A01",
)
def insecure_temp_file(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags `tempfile.mktemp()` (and the long-removed `os.tempnam`/`os.tmpnam`).

    ## Why is this bad?
    `mktemp` only returns a name; the file is created later. Between the two steps another local user
    can create a file or a symbolic link with that name, making the program write somewhere it did not
    intend or read data the attacker planted (a time-of-check/time-of-use race).

    ## Example
    ```python
    path = tempfile.mktemp(suffix=".csv")
    with open(path, "w") as handle:
        handle.write(report)
    ```

    ## Use instead
    Create the file and get its name in one atomic step.
    ```python
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as handle:
        handle.write(report)
    ```

    ## References
    - https://docs.python.org/3/library/tempfile.html#tempfile.mktemp
    - https://cwe.mitre.org/data/definitions/377.html
    """
    name = ctx.call_name(call)
    if name in RACY_NAME_FUNCTIONS:
        yield ctx.finding(call, f"`{name}()` creates a race between choosing the name and creating the file")
