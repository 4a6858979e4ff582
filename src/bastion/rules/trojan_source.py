"""Bidirectional control characters that make code read differently from how it runs."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from bastion.engine.context import Context
from bastion.model import Finding
from bastion.rules.registry import rule

BIDI_CONTROLS = {
    "\u202a": "LEFT-TO-RIGHT EMBEDDING",
    "\u202b": "RIGHT-TO-LEFT EMBEDDING",
    "\u202c": "POP DIRECTIONAL FORMATTING",
    "\u202d": "LEFT-TO-RIGHT OVERRIDE",
    "\u202e": "RIGHT-TO-LEFT OVERRIDE",
    "\u2066": "LEFT-TO-RIGHT ISOLATE",
    "\u2067": "RIGHT-TO-LEFT ISOLATE",
    "\u2068": "FIRST STRONG ISOLATE",
    "\u2069": "POP DIRECTIONAL ISOLATE",
}
_MAX_PER_FILE = 50


@rule(
    "BST227",
    "trojan-source",
    summary="Bidirectional control character in source code",
    nodes=(ast.Module,),
    severity="high",
    confidence="high",
    cwe=838,
    owasp="A08",
)
def trojan_source(module: ast.Module, ctx: Context) -> Iterator[Finding]:
    r"""
    ## What it does
    Flags Unicode bidirectional control characters (embeddings, overrides and isolates) anywhere in a
    Python file. The left-to-right and right-to-left marks (U+200E, U+200F), which right-to-left
    locales use legitimately and which cannot reorder code, are not reported.

    ## Why is this bad?
    These invisible characters reorder how text is displayed. Inside comments and strings they make
    an editor or code review show code that differs from what the interpreter runs — an early
    `return` hidden in a comment, a check that looks active but is commented out ("Trojan Source",
    CVE-2021-42574).

    ## Example
    ```python
    access_level = "user"
    if access_level != "none<U+202E><U+2066>":  # check if admin <U+2069><U+2066>
        ...
    ```

    ## Use instead
    Remove the characters; for right-to-left text in strings, use `\u` escapes so they are visible.

    ## References
    - https://trojansource.codes/
    - https://nvd.nist.gov/vuln/detail/CVE-2021-42574
    - https://cwe.mitre.org/data/definitions/838.html
    """
    text = ctx.source.text
    if not any(char in text for char in BIDI_CONTROLS):
        return
    reported = 0
    for number, line in enumerate(ctx.source.lines, 1):
        for column, char in enumerate(line):
            if char in BIDI_CONTROLS and reported < _MAX_PER_FILE:
                reported += 1
                offset = len(line[:column].encode("utf-8"))
                marker = ast.Pass(lineno=number, col_offset=offset, end_lineno=number, end_col_offset=offset + len(char.encode()))
                yield ctx.finding(marker, f"invisible bidirectional control character U+{ord(char):04X} ({BIDI_CONTROLS[char]})")
                break  # one finding per line
