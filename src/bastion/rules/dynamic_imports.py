"""Modules imported by a name computed at run time."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from bastion.engine.astutil import argument, is_literal
from bastion.engine.context import Context
from bastion.model import Finding
from bastion.rules.registry import rule

DYNAMIC_IMPORTERS = frozenset({"builtins.__import__", "__import__", "importlib.import_module", "importlib.__import__"})


@rule(
    "BST206",
    "dynamic-import",
    summary="Module imported by a name that is not a literal",
    calls=DYNAMIC_IMPORTERS,
    severity="medium",
    confidence="low",
    cwe=94,  # as code injection (BST250), which replaces this finding at the same call
    owasp="A03",
    default_enabled=False,
)
def dynamic_import(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags `__import__(name)` and `importlib.import_module(name)` when the module name is not a literal
    (or a module-level constant).

    ## Why is this bad?
    Importing runs the module's top-level code. When any part of the name can be influenced from outside
    (a request parameter, a configuration value others can edit), an attacker chooses which code runs,
    including modules they managed to place on `sys.path`.

    ## Example
    ```python
    handler = importlib.import_module(f"plugins.{request.args['plugin']}")
    ```

    ## Use instead
    Map the external value onto a fixed set of modules.
    ```python
    PLUGINS = {"csv": "plugins.csv_export", "pdf": "plugins.pdf_export"}
    handler = importlib.import_module(PLUGINS[request.args["plugin"]])
    ```

    ## References
    - https://docs.python.org/3/library/importlib.html#importlib.import_module
    - https://cwe.mitre.org/data/definitions/94.html

    ## Known limitations
    Off by default: frameworks and plugin loaders import modules named in trusted configuration all
    the time. Enable it to review every such import;
    flows from request data are reported with their trace by BST250.
    """
    name = argument(call, 0, "name")
    if name is None or is_literal(name) or ctx.constant(name) is not ...:
        return
    if isinstance(name, ast.Subscript) and ctx.constant(name.value) is not ...:
        return  # a lookup in a literal table is an allowlist
    spelled = ctx.call_name(call) or "__import__"
    yield ctx.finding(call, f"`{spelled.removeprefix('builtins.')}` imports a module named by `{ctx.source.segment(name)[:60]}`")
