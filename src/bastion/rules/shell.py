"""Commands run through a shell: `shell=True`, `os.system`, `os.popen` and friends."""

from __future__ import annotations

import ast
import shlex
from collections.abc import Iterator

from bastion.engine.astutil import argument, is_literal, is_string_built_dynamically, keyword
from bastion.engine.context import Context
from bastion.fix import edits
from bastion.model import Confidence, Finding, Severity
from bastion.rules.registry import rule

SHELL_TRUE_FUNCTIONS = frozenset(
    f"subprocess.{name}" for name in ("run", "call", "check_call", "check_output", "Popen")
)
ALWAYS_SHELL = frozenset(
    {
        "os.system",
        "os.popen",
        "subprocess.getoutput",
        "subprocess.getstatusoutput",
        "asyncio.create_subprocess_shell",
        "commands.getoutput",
        "commands.getstatusoutput",
        "popen2.popen2",
    }
)
_SHELL_METACHARACTERS = set("|&;<>()$`\\\"'*?[]#~=%{}\n")


def _is_shell_true(ctx: Context, value: ast.expr | None) -> bool:
    if value is None:
        return False
    constant = ctx.constant(value)
    return constant is not ... and bool(constant)


def _literal_list_fix(ctx: Context, call: ast.Call, command: ast.expr, shell: ast.keyword):
    text = ctx.constant(command)
    if not isinstance(text, str) or set(text) & _SHELL_METACHARACTERS:
        return None
    try:
        words = shlex.split(text)
    except ValueError:
        return None
    if not words:
        return None
    return edits.fix(
        "pass the command as an argument list and drop shell=True",
        edits.replace(ctx.source, command, repr(words)),
        edits.remove_keyword(ctx.source, call, shell),
    )


def _describe(ctx: Context, command: ast.expr) -> tuple[Severity, Confidence, str]:
    if is_string_built_dynamically(command):
        return Severity.HIGH, Confidence.HIGH, "a shell command string built from run-time values"
    return Severity.HIGH, Confidence.MEDIUM, f"a shell command taken from `{ctx.source.segment(command)[:50]}`"


@rule(
    "BST202",
    "shell-command",
    summary="Command run through a shell built from non-literal text",
    calls=SHELL_TRUE_FUNCTIONS | ALWAYS_SHELL,
    severity="high",
    confidence="medium",
    cwe=78,
    owasp="A03",
    fixable=True,
)
def shell_command(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags commands run through a shell — `subprocess` calls with `shell=True`, `os.system`,
    `os.popen`, `subprocess.getoutput` and `asyncio.create_subprocess_shell` — when the command text
    is not a literal. A literal command with `shell=True` is reported at low severity: it cannot be
    injected, but the shell is unnecessary and invites a later edit to make it injectable.

    ## Why is this bad?
    The shell interprets `;`, `|`, `$(...)`, backticks and globbing. Any value placed in the command
    string that an attacker can influence lets them run commands of their choosing (OS command
    injection).

    ## Example
    ```python
    subprocess.run(f"convert {filename} out.png", shell=True)
    os.system("ping -c 1 " + host)
    ```

    ## Use instead
    Pass an argument list without a shell; if a shell is unavoidable, quote every value with
    `shlex.quote`.
    ```python
    subprocess.run(["convert", filename, "out.png"], check=True)
    ```

    ## References
    - https://docs.python.org/3/library/subprocess.html#security-considerations
    - https://cwe.mitre.org/data/definitions/78.html
    - https://owasp.org/Top10/A03_2021-Injection/

    ## Known limitations
    Whether the non-literal part can be controlled by an attacker is decided by the taint analysis
    (BST251), which reports such flows with their trace and takes precedence at the same location.
    """
    name = ctx.call_name(call)
    if name in SHELL_TRUE_FUNCTIONS:
        shell = next((k for k in call.keywords if k.arg == "shell"), None)
        if shell is None or not _is_shell_true(ctx, shell.value):
            return
        command = argument(call, 0, "args")
        if command is None:
            return
        if is_literal(command) or ctx.constant(command) is not ...:
            yield ctx.finding(
                call,
                f"`{name}` starts a shell for a constant command; pass an argument list instead",
                severity=Severity.LOW,
                confidence=Confidence.HIGH,
                fix=_literal_list_fix(ctx, call, command, shell),
            )
            return
        severity, confidence, what = _describe(ctx, command)
        yield ctx.finding(call, f"`{name}(..., shell=True)` runs {what}", severity=severity, confidence=confidence)
    elif name in ALWAYS_SHELL:
        command = argument(call, 0, "cmd") or keyword(call, "command")
        if command is None or is_literal(command) or ctx.constant(command) is not ...:
            return
        severity, confidence, what = _describe(ctx, command)
        yield ctx.finding(call, f"`{name}` runs {what} through the shell", severity=severity, confidence=confidence)
