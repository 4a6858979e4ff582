"""Archive members written outside the destination directory (path traversal, "zip slip")."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from bastion.engine.astutil import keyword
from bastion.engine.context import Context
from bastion.fix import edits
from bastion.model import Finding
from bastion.rules import _local_flow
from bastion.rules.registry import rule

TAR_OPENERS = frozenset({"tarfile.open", "tarfile.TarFile", "tarfile.TarFile.open", "tarfile.TarFile.gzopen", "tarfile.TarFile.taropen"})
MEMBER_LISTS = frozenset({"namelist", "infolist", "getmembers", "getnames"})
PATH_BUILDERS = frozenset({"os.path.join", "pathlib.Path", "pathlib.PurePath", "posixpath.join", "ntpath.join"})
CONTAINMENT_CHECKS = frozenset({"realpath", "abspath", "commonpath", "commonprefix", "is_relative_to", "resolve", "startswith", "relative_to", "normpath", "basename", "secure_filename"})


def _tar_receiver(ctx: Context, call: ast.Call) -> bool:
    func = call.func
    if not isinstance(func, ast.Attribute):
        return False
    receiver = func.value
    if isinstance(receiver, ast.Call):
        return ctx.call_name(receiver) in TAR_OPENERS
    if isinstance(receiver, ast.Name):
        opener = _local_flow.bound_call(ctx, receiver.id, call)
        return opener is not None and ctx.call_name(opener) in TAR_OPENERS
    return False


@rule(
    "BST222",
    "tarfile-unfiltered-extract",
    summary="`tarfile` extraction without an extraction filter",
    attrs={"extractall", "extract", "unpack_archive"},
    severity="high",
    confidence="high",
    cwe=22,
    owasp="A01",
    fixable=True,
)
def tarfile_unfiltered_extract(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags `TarFile.extractall()` and `TarFile.extract()` on archives opened with `tarfile.open` in the
    same function, and `shutil.unpack_archive()`, when no `filter=` is given (or
    `filter="fully_trusted"`). The fix adds `filter="data"`.

    ## Why is this bad?
    Tar members can be named `../../etc/cron.d/job`, be absolute, or be symlinks pointing anywhere;
    before Python 3.14 (and without a filter) extraction follows them and writes outside the
    destination, or creates device files and setuid programs. The `"data"` filter (Python 3.12, and
    backported to security releases of 3.8+) refuses all of that.

    ## Example
    ```python
    with tarfile.open(upload) as archive:
        archive.extractall(destination)
    ```

    ## Use instead
    ```python
    with tarfile.open(upload) as archive:
        archive.extractall(destination, filter="data")
    ```

    ## References
    - https://docs.python.org/3/library/tarfile.html#tarfile-extraction-filter
    - https://peps.python.org/pep-0706/
    - https://cwe.mitre.org/data/definitions/22.html

    ## Known limitations
    Archive objects passed in from elsewhere are not recognised; a `members=` list that the code
    checked itself is still reported when no filter is set. Python 3.14 applies the `"data"` filter by
    default; code that only runs on 3.14+ can ignore the finding, though the explicit filter documents
    the intent.
    """
    if ctx.call_name(call) == "shutil.unpack_archive":
        method = "shutil.unpack_archive"
    elif _tar_receiver(ctx, call):
        method = call.func.attr  # type: ignore[union-attr]
    else:
        return
    value = keyword(call, "filter")
    if value is None:
        if any(item.arg is None for item in call.keywords):
            return
        fix = edits.fix('extract with filter="data"', edits.add_keyword(ctx.source, call, 'filter="data"'))
        yield ctx.finding(call, f"`{method}()` without `filter=` can write outside the destination directory", fix=fix)
    elif ctx.constant(value) == "fully_trusted":
        fix = edits.fix('extract with filter="data"', edits.replace(ctx.source, value, '"data"'))
        yield ctx.finding(call, f'`{method}(filter="fully_trusted")` writes wherever member names point', fix=fix)


def _member_names(loop: ast.For) -> tuple[str, bool] | None:
    """The loop variable and whether it is a member object (`.filename`/`.name`) rather than a name."""
    iterator = loop.iter
    if not (isinstance(iterator, ast.Call) and isinstance(iterator.func, ast.Attribute)):
        return None
    if iterator.func.attr not in MEMBER_LISTS or not isinstance(loop.target, ast.Name):
        return None
    return loop.target.id, iterator.func.attr in {"infolist", "getmembers"}


def _mentions_member(node: ast.AST, variable: str, is_object: bool) -> bool:
    for inner in ast.walk(node):
        if (
            is_object
            and isinstance(inner, ast.Attribute)
            and inner.attr in {"filename", "name"}
            and isinstance(inner.value, ast.Name)
            and inner.value.id == variable
        ):
            return True
        if not is_object and isinstance(inner, ast.Name) and inner.id == variable:
            return True
    return False


def _checked(loop: ast.For) -> bool:
    for inner in ast.walk(loop):
        if isinstance(inner, ast.Attribute) and inner.attr in CONTAINMENT_CHECKS:
            return True
        if isinstance(inner, ast.Name) and inner.id in CONTAINMENT_CHECKS:
            return True
    return False


@rule(
    "BST223",
    "zip-entry-path-join",
    summary="Archive member names joined into file-system paths without a containment check",
    nodes=(ast.For,),
    severity="high",
    confidence="medium",
    cwe=22,
    owasp="A01",
)
def zip_entry_path_join(loop: ast.For, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags loops over `ZipFile.namelist()`/`infolist()` or `TarFile.getmembers()`/`getnames()` that
    join a member's name into a path (`os.path.join`, `Path(...)`, `/`) with no containment check
    (`realpath`/`resolve` plus `commonpath`/`is_relative_to`/`startswith`) in the loop.

    ## Why is this bad?
    Member names are chosen by whoever built the archive. `../../home/app/.ssh/authorized_keys`
    joined onto the destination points outside it, so writing the member overwrites any file the
    process can write ("zip slip").

    ## Example
    ```python
    for name in archive.namelist():
        with open(os.path.join(destination, name), "wb") as out:
            out.write(archive.read(name))
    ```

    ## Use instead
    ```python
    root = os.path.realpath(destination)
    for name in archive.namelist():
        target = os.path.realpath(os.path.join(root, name))
        if os.path.commonpath([root, target]) != root:
            raise ValueError(f"unsafe member {name!r}")
    ```

    ## References
    - https://security.snyk.io/research/zip-slip-vulnerability
    - https://cwe.mitre.org/data/definitions/22.html
    """
    found = _member_names(loop)
    if found is None or _checked(loop):
        return
    variable, is_object = found
    for node in ast.walk(loop):
        if _joins_member(ctx, node, variable, is_object):
            yield ctx.finding(node, f"archive member name from `{variable}` joined into a path without a containment check")
            return


def _joins_member(ctx: Context, node: ast.AST, variable: str, is_object: bool) -> bool:
    if isinstance(node, ast.Call) and ctx.qualname(node.func) in PATH_BUILDERS:
        return any(_mentions_member(arg, variable, is_object) for arg in node.args[1:] if not isinstance(arg, ast.Starred))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div) and not isinstance(node.left, ast.Constant):
        return _mentions_member(node.right, variable, is_object)
    return False
