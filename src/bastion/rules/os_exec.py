"""Processes started without a shell: non-literal programs, partial paths, wildcards, remote commands."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from bastion.engine.astutil import argument, is_literal
from bastion.engine.context import Context
from bastion.model import Confidence, Finding, Severity
from bastion.rules.registry import rule

SUBPROCESS_FUNCTIONS = frozenset(
    f"subprocess.{name}" for name in ("run", "call", "check_call", "check_output", "Popen")
) | {"asyncio.create_subprocess_exec"}
OS_EXEC_FUNCTIONS = frozenset(
    [f"os.exec{suffix}" for suffix in ("l", "le", "lp", "lpe", "v", "ve", "vp", "vpe")]
    + [f"os.spawn{suffix}" for suffix in ("l", "le", "lp", "lpe", "v", "ve", "vp", "vpe")]
    + ["os.posix_spawn", "os.posix_spawnp", "os.startfile"]
)
SHELL_FUNCTIONS = frozenset({"os.system", "os.popen", "subprocess.getoutput", "subprocess.getstatusoutput"})
_SPAWN_WITH_MODE = frozenset(name for name in OS_EXEC_FUNCTIONS if name.startswith("os.spawn"))


def _uses_shell(ctx: Context, call: ast.Call) -> bool:
    for item in call.keywords:
        if item.arg == "shell":
            value = ctx.constant(item.value)
            return value is ... or bool(value)
    return False


def _program(ctx: Context, call: ast.Call, name: str) -> ast.expr | None:
    """The expression naming the program that runs."""
    if name in _SPAWN_WITH_MODE:
        return argument(call, 1, "file") or argument(call, 1, "path")
    if name in OS_EXEC_FUNCTIONS:
        return argument(call, 0, "path") or argument(call, 0, "file")
    command = argument(call, 0, "args")
    if name == "asyncio.create_subprocess_exec":
        return argument(call, 0, "program")
    executable = argument(call, None, "executable")
    if executable is not None:
        return executable
    if isinstance(command, (ast.List, ast.Tuple)):
        if not command.elts or isinstance(command.elts[0], ast.Starred):
            return None
        return command.elts[0]
    return command


@rule(
    "BST207",
    "process-non-literal-executable",
    summary="Process started without a shell, but the program itself is not a literal",
    calls=SUBPROCESS_FUNCTIONS | OS_EXEC_FUNCTIONS,
    severity="low",
    confidence="low",
    cwe=78,
    owasp="A03",
    default_enabled=False,
)
def process_non_literal_executable(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags `subprocess` calls without a shell, `os.exec*`, `os.spawn*`, `os.posix_spawn` and
    `os.startfile` when the program to run is not a literal: the first element of the argument
    list, the `executable=` argument, or the whole command when it is a variable.

    ## Why is this bad?
    Without a shell, arguments cannot inject new commands, but whoever chooses the program chooses
    what runs. A program name taken from configuration, a request or a file is a command injection
    waiting for its first untrusted value.

    ## Example
    ```python
    subprocess.run([tool, "--version"])
    os.execvp(argv[0], argv)
    ```

    ## Use instead
    Choose the program from a fixed table, with its absolute path.
    ```python
    TOOLS = {"convert": "/usr/bin/convert"}
    subprocess.run([TOOLS[name], "--version"], check=True)
    ```

    ## References
    - https://docs.python.org/3/library/subprocess.html#security-considerations
    - https://cwe.mitre.org/data/definitions/78.html

    ## Known limitations
    Off by default (like Bandit's B603/B606 it is mostly useful for review): a variable holding a whole
    argument list that the code builds from literals is still reported when the list is built
    elsewhere. Flows from untrusted input are reported by BST251.
    """
    name = ctx.call_name(call) or ""
    if name in SUBPROCESS_FUNCTIONS and _uses_shell(ctx, call):
        return  # shells are BST202's concern
    program = _program(ctx, call, name)
    if program is None or is_literal(program) or ctx.constant(program) is not ...:
        return
    if isinstance(program, ast.Attribute) and ctx.qualname(program) == "sys.executable":
        return
    if isinstance(program, ast.Call) and ctx.call_name(program) in {"shutil.which", "os.path.abspath", "sys.executable"}:
        return
    yield ctx.finding(call, f"`{name}` runs a program chosen at run time (`{ctx.source.segment(program)[:50]}`)")


def _literal_program(ctx: Context, call: ast.Call, name: str) -> str | None:
    program = _program(ctx, call, name)
    value = ctx.constant(program) if program is not None else ...
    if not isinstance(value, str) or not value.strip():
        return None
    if name in SUBPROCESS_FUNCTIONS and isinstance(argument(call, 0, "args"), ast.Constant):
        value = value.split()[0]  # a command line string without a shell
    return value


@rule(
    "BST208",
    "partial-executable-path",
    summary="Program started by a bare name, looked up on PATH",
    calls=SUBPROCESS_FUNCTIONS | OS_EXEC_FUNCTIONS | SHELL_FUNCTIONS,
    severity="low",
    confidence="medium",
    cwe=426,
    owasp="A08",
    default_enabled=False,
)
def partial_executable_path(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags processes started by a bare program name (`"git"`, `["curl", ...]`) instead of an absolute
    path. Off by default: enable it for software that runs with privileges or in environments whose
    `PATH` others control.

    ## Why is this bad?
    The program is searched on `PATH`. Whoever can put a directory early on `PATH` (or write into one
    that is already there) gets their program run with the caller's privileges.

    ## Example
    ```python
    subprocess.run(["git", "pull"])
    ```

    ## Use instead
    ```python
    subprocess.run(["/usr/bin/git", "pull"], check=True)
    # or resolve once, at start-up: GIT = shutil.which("git")
    ```

    ## References
    - https://cwe.mitre.org/data/definitions/426.html
    - https://docs.python.org/3/library/shutil.html#shutil.which
    """
    name = ctx.call_name(call) or ""
    program = _literal_program(ctx, call, name)
    if program is None:
        return
    if name in SHELL_FUNCTIONS:
        program = program.split()[0] if program.split() else program
    if program.startswith(("/", "\\", ".", "~")) or re.match(r"^[A-Za-z]:[\\/]", program):
        return
    yield ctx.finding(call, f"`{name}` starts `{program[:40]}` by name; it is searched on PATH")


_WILDCARD_TOOLS = re.compile(r"(?:^|[;&|]\s*|\s)(?:sudo\s+)?(?:\S*/)?(?P<tool>chown|chmod|tar|rsync|zip|7z)\s[^;&|]*\*")


@rule(
    "BST209",
    "wildcard-injection",
    summary="Shell command with a wildcard given to a tool whose options a file name can inject",
    calls=SUBPROCESS_FUNCTIONS | SHELL_FUNCTIONS,
    severity="high",
    confidence="medium",
    cwe=155,
    owasp="A03",
)
def wildcard_injection(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags shell commands that pass a `*` wildcard to `tar`, `chown`, `chmod`, `rsync`, `zip` or `7z`.

    ## Why is this bad?
    The shell expands `*` to the file names in the directory. A file named `--checkpoint-action=exec=sh
    x.sh` becomes an option of `tar`; `--reference=evil` changes what `chown` does. Whoever can create
    files in the directory runs commands with the caller's privileges.

    ## Example
    ```python
    os.system("tar czf /backup/site.tgz *")
    ```

    ## Use instead
    End options with `--` and prefix the wildcard with a path, or pass explicit file lists without a
    shell.
    ```python
    subprocess.run(["tar", "czf", "/backup/site.tgz", "--", *glob.glob("./*")], check=True)
    ```

    ## References
    - https://www.exploit-db.com/papers/33930
    - https://cwe.mitre.org/data/definitions/155.html
    """
    name = ctx.call_name(call) or ""
    if name in SUBPROCESS_FUNCTIONS and not _uses_shell(ctx, call):
        return
    command = ctx.constant(argument(call, 0, "args") or argument(call, 0, "cmd"))
    if not isinstance(command, str) or not _WILDCARD_TOOLS.search(command):
        return
    if re.search(r"\s--\s+\S*\*", command) or re.search(r"\s\./\*", command):
        return
    yield ctx.finding(call, f"`{name}` passes a shell wildcard to `{_WILDCARD_TOOLS.search(command).group("tool")}`; file names can become options")


@rule(
    "BST210",
    "ssh-exec-command",
    summary="Remote command over SSH built from non-literal text",
    attrs={"exec_command"},
    severity="medium",
    confidence="medium",
    cwe=78,
    owasp="A03",
)
def ssh_exec_command(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags paramiko's `SSHClient.exec_command(command)` when the command is not a literal.

    ## Why is this bad?
    The remote side runs the command through the user's login shell, so the usual shell injection
    applies on the remote host: `;`, `$(...)` and backticks in any value placed into the string run
    commands there.

    ## Example
    ```python
    client.exec_command(f"ls {directory}")
    ```

    ## Use instead
    ```python
    client.exec_command(f"ls -- {shlex.quote(directory)}")
    ```

    ## References
    - https://docs.paramiko.org/en/stable/api/client.html#paramiko.client.SSHClient.exec_command
    - https://cwe.mitre.org/data/definitions/78.html
    """
    if "paramiko" not in ctx.source.text and "fabric" not in ctx.source.text:
        return
    command = argument(call, 0, "command")
    if command is None or is_literal(command) or ctx.constant(command) is not ...:
        return
    if isinstance(command, ast.Call) and ctx.call_name(command) in {"shlex.join", "shlex.quote"}:
        return
    built = isinstance(command, (ast.JoinedStr, ast.BinOp)) or (
        isinstance(command, ast.Call) and isinstance(command.func, ast.Attribute) and command.func.attr == "format"
    )
    yield ctx.finding(
        call,
        f"remote command `{ctx.source.segment(command)[:50]}` runs through the remote shell",
        severity=Severity.HIGH if built else None,
        confidence=Confidence.MEDIUM,
    )


@rule(
    "BST239",
    "shell-true-other-function",
    summary="`shell=True` passed to a function that wraps a shell, with a non-literal command",
    nodes=(ast.Call,),
    keywords={"shell"},
    severity="medium",
    confidence="low",
    cwe=78,
    owasp="A03",
)
def shell_true_other_function(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags calls to functions other than the `subprocess` ones (those are BST202) that receive
    `shell=True` and a non-literal first argument: project helpers such as `run(cmd, shell=True)`,
    `fabric`/`invoke`-style runners, and wrappers around `subprocess.Popen`.

    ## Why is this bad?
    A `shell=True` flag almost always means the wrapper hands the command string to `/bin/sh`; every
    value formatted into that string can inject commands.

    ## Example
    ```python
    utils.execute(f"convert {name} out.png", shell=True)
    ```

    ## Use instead
    Pass an argument list and no shell, or quote every value with `shlex.quote`.
    ```python
    utils.execute(["convert", name, "out.png"])
    ```

    ## References
    - https://docs.python.org/3/library/subprocess.html#security-considerations
    - https://cwe.mitre.org/data/definitions/78.html

    ## Known limitations
    The wrapper itself is not inspected; a function whose `shell` parameter means something else is
    reported too (low confidence).
    """
    shell = next((item for item in call.keywords if item.arg == "shell"), None)
    if shell is None or ctx.constant(shell.value) is not True:
        return
    name = ctx.call_name(call) or ""
    if name.startswith(("subprocess.", "asyncio.")) or name in SHELL_FUNCTIONS:
        return
    command = argument(call, 0, "cmd") or argument(call, 0, "command") or argument(call, 0, "args")
    if command is None or is_literal(command) or ctx.constant(command) is not ...:
        return
    spelled = name or ctx.source.segment(call.func)
    yield ctx.finding(call, f"`{spelled[:40]}(..., shell=True)` runs `{ctx.source.segment(command)[:40]}` through a shell")
