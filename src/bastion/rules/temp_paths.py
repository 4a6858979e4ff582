"""Files written at fixed paths in shared temporary directories."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from bastion.engine.astutil import argument
from bastion.engine.context import Context
from bastion.model import Finding
from bastion.rules.registry import rule

SHARED_TEMP_DIRS = ("/tmp/", "/var/tmp/", "/dev/shm/", "/usr/tmp/")
# function -> index of the path argument that is written (None: by keyword only)
WRITERS: dict[str, tuple[int, str]] = {
    "os.mkdir": (0, "path"),
    "os.makedirs": (0, "name"),
    "os.mkfifo": (0, "path"),
    "os.symlink": (1, "dst"),
    "shutil.copy": (1, "dst"),
    "shutil.copy2": (1, "dst"),
    "shutil.copyfile": (1, "dst"),
    "shutil.copytree": (1, "dst"),
    "shutil.move": (1, "dst"),
    "logging.FileHandler": (0, "filename"),
    "logging.handlers.RotatingFileHandler": (0, "filename"),
    "logging.handlers.TimedRotatingFileHandler": (0, "filename"),
    "logging.handlers.WatchedFileHandler": (0, "filename"),
    "logging.basicConfig": (99, "filename"),
    "sqlite3.connect": (0, "database"),
    "numpy.save": (0, "file"),
    "zipfile.ZipFile": (0, "file"),
    "tarfile.open": (0, "name"),
}
_WRITE_MODES = set("wax+")
_O_WRITE = {"os.O_WRONLY", "os.O_RDWR", "os.O_CREAT"}
PATH_WRITE_METHODS = frozenset({"write_text", "write_bytes", "mkdir", "touch", "symlink_to"})


def _temp_path(ctx: Context, node: ast.expr | None) -> str | None:
    if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
        value = node.values[0].value
    elif isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        value = ctx.constant(node.left)
    elif isinstance(node, ast.Call) and ctx.qualname(node.func) in {"pathlib.Path", "pathlib.PurePath"} and node.args:
        return _temp_path(ctx, node.args[0])
    elif isinstance(node, ast.Call) and ctx.qualname(node.func) == "os.path.join" and len(node.args) >= 2:
        # os.path.join(tempfile.gettempdir(), "app.lock"): the shared directory under a fixed name
        first, rest = node.args[0], node.args[1:]
        fixed = all(isinstance(ctx.constant(part), str) for part in rest)
        if fixed and isinstance(first, ast.Call) and ctx.qualname(first.func) == "tempfile.gettempdir":
            return "/".join(["<tempdir>", *(ctx.constant(part) for part in rest)])
        value = _temp_path(ctx, first)
        return value if value is not None and fixed else None
    else:
        value = ctx.constant(node)
    if isinstance(value, str) and (value.startswith(SHARED_TEMP_DIRS) or value in {"/tmp", "/var/tmp", "/dev/shm"}):
        return value
    return None


def _opens_for_writing(ctx: Context, call: ast.Call, name: str) -> bool:
    if name in {"open", "builtins.open", "io.open", "codecs.open"}:
        mode = ctx.constant(argument(call, 1, "mode"))
        return isinstance(mode, str) and bool(_WRITE_MODES & set(mode))
    if name == "os.open":
        flags = argument(call, 1, "flags")
        return flags is not None and any(ctx.qualname(n) in _O_WRITE for n in ast.walk(flags))
    if name in {"zipfile.ZipFile", "tarfile.open"}:
        mode = ctx.constant(argument(call, 1, "mode"))
        return isinstance(mode, str) and mode[:1] in {"w", "a", "x"}
    return name in WRITERS


@rule(
    "BST224",
    "hardcoded-temp-path",
    summary="File written at a fixed path in a shared temporary directory",
    calls={*WRITERS, "open", "builtins.open", "io.open", "codecs.open", "os.open"},
    attrs=PATH_WRITE_METHODS | {"open"},
    requires=("/tmp", "/dev/shm", "gettempdir"),
    severity="medium",
    confidence="medium",
    cwe=377,
    owasp="A01",
)
def hardcoded_temp_path(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags files and directories created or opened for writing at fixed paths under `/tmp`,
    `/var/tmp` or `/dev/shm`: `open(..., "w")`, `os.open(..., O_CREAT)`, `Path(...).write_text`,
    `os.makedirs`, log file handlers, `shutil.copy` destinations and the like.

    ## Why is this bad?
    Everybody can create files in those directories. Another local user can create the path first —
    as a symlink to a file you own, so your write clobbers it, or as a file they can read, so they see
    your data. A fixed, predictable name makes that easy.

    ## Example
    ```python
    with open("/tmp/report.csv", "w") as out:
        out.write(data)
    ```

    ## Use instead
    ```python
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as out:
        out.write(data)
    ```

    ## References
    - https://docs.python.org/3/library/tempfile.html
    - https://cwe.mitre.org/data/definitions/377.html

    ## Known limitations
    Reading fixed temporary paths is not reported; paths built in another function are not followed.
    """
    name = ctx.call_name(call) or ""
    target: ast.expr | None = None
    if isinstance(call.func, ast.Attribute) and call.func.attr in PATH_WRITE_METHODS | {"open"} and name not in WRITERS:
        receiver = call.func.value
        if isinstance(receiver, ast.Call) and ctx.qualname(receiver.func) in {"pathlib.Path", "pathlib.PurePath"}:
            if call.func.attr == "open":
                mode = ctx.constant(argument(call, 0, "mode"))
                if not (isinstance(mode, str) and _WRITE_MODES & set(mode)):
                    return
            target = receiver
    elif name in {"open", "builtins.open", "io.open", "codecs.open", "os.open"} or name in WRITERS:
        if not _opens_for_writing(ctx, call, name):
            return
        position, keyword_name = WRITERS.get(name, (0, "file"))
        target = argument(call, position, keyword_name)
    path = _temp_path(ctx, target)
    if path is None:
        return
    yield ctx.finding(call, f"`{path[:60]}` is a predictable path in a world-writable directory")
