"""Deserializers that can run code: the pickle family, marshal, shelve, and YAML's unsafe loaders."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from bastion.engine.astutil import argument, is_literal
from bastion.engine.context import Context
from bastion.fix import edits
from bastion.model import Confidence, Finding
from bastion.rules import _local_flow
from bastion.rules.registry import rule

_PICKLE_MODULES = ("pickle", "cPickle", "_pickle", "dill", "cloudpickle")
CODE_RUNNING_LOADERS = frozenset(
    [f"{module}.{func}" for module in _PICKLE_MODULES for func in ("load", "loads", "Unpickler")]
    + ["marshal.load", "marshal.loads", "shelve.open", "shelve.DbfilenameShelf", "jsonpickle.decode", "jsonpickle.unpickler.decode"]
)
SAFE_YAML_LOADERS = frozenset(
    f"yaml.{name}" for name in ("SafeLoader", "CSafeLoader", "BaseLoader", "CBaseLoader", "loader.SafeLoader", "loader.BaseLoader")
)
UNSAFE_YAML_FUNCTIONS = frozenset({"yaml.unsafe_load", "yaml.unsafe_load_all", "yaml.full_load", "yaml.full_load_all"})
# The writers matching the loaders: data they produced and that never left the process is the
# program's own objects.
WRITERS = frozenset(
    [f"{module}.{func}" for module in _PICKLE_MODULES for func in ("dump", "dumps", "Pickler")]
    + ["marshal.dump", "marshal.dumps", "jsonpickle.encode"]
)


def _written_here(ctx: Context, data: ast.expr | None, call: ast.Call) -> str | None:
    """'round trip' when `data` is `pickle.dumps(...)` itself, 'local' when a variable holding it."""
    if isinstance(data, ast.Call) and ctx.call_name(data) in WRITERS:
        return "round trip"
    if isinstance(data, ast.Name):
        bound = _local_flow.bound_call(ctx, data.id, call)
        if bound is not None and ctx.call_name(bound) in WRITERS:
            return "local"
    return None


_LAST_MODULE: list[tuple[ast.Module, bool]] = []  # the file being checked: one walk per file


def _module_writes(ctx: Context) -> bool:
    """The module also pickles: it reads a store in a format it writes itself (a cache backend)."""
    tree = ctx.source.tree
    if _LAST_MODULE and _LAST_MODULE[0][0] is tree:
        return _LAST_MODULE[0][1]
    writes = ("dump" in ctx.source.text or "Pickler" in ctx.source.text) and any(
        isinstance(node, ast.Call) and ctx.qualname(node.func) in WRITERS for node in ast.walk(tree)
    )
    _LAST_MODULE[:] = [(tree, writes)]
    return writes


@rule(
    "BST203",
    "unsafe-deserialization",
    summary="Deserialising with pickle, marshal, shelve, dill or jsonpickle, which can run code",
    calls=CODE_RUNNING_LOADERS,
    severity="medium",
    confidence="high",
    cwe=502,
    owasp="A08",
)
def unsafe_deserialization(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags loading data with `pickle` (and `cPickle`, `dill`, `cloudpickle`), `marshal`, `shelve` and
    `jsonpickle`, unless the data is a literal in the code.

    ## Why is this bad?
    Unpickling calls constructors named inside the data: a crafted pickle runs any code it likes
    (`os.system` via `__reduce__`). Data that ever crossed a trust boundary — a request, a cookie, a
    cache or queue others can write, an uploaded file — must never be unpickled. `marshal` is not
    designed to be safe against malicious data either.

    ## Example
    ```python
    session = pickle.loads(base64.b64decode(request.cookies["session"]))
    ```

    ## Use instead
    Use a data-only format (`json`, `msgpack`) and validate it; if objects must be restored, sign the
    payload with `hmac` and verify the signature before loading.
    ```python
    session = json.loads(signer.unsign(request.cookies["session"]))
    ```

    ## References
    - https://docs.python.org/3/library/pickle.html (the warning at the top)
    - https://cwe.mitre.org/data/definitions/502.html
    - https://owasp.org/Top10/A08_2021-Software_and_Data_Integrity_Failures/

    ## Known limitations
    Loading files the application itself wrote is common and may be acceptable; this rule cannot tell
    who can write the data. A round trip (`pickle.loads(pickle.dumps(obj))`) is not reported; data
    pickled just above in the same function, and loads in a module that also writes the pickles it
    reads (a cache backend), are reported with low confidence. Flows from untrusted input are
    reported with their trace by BST259.
    """
    name = ctx.call_name(call)
    if name not in CODE_RUNNING_LOADERS:
        return
    data = argument(call, 0)
    if data is not None and is_literal(data):
        return
    written = _written_here(ctx, data, call)
    if written == "round trip":
        return  # pickle.loads(pickle.dumps(obj)): a copy of the program's own object
    if written == "local":
        yield ctx.finding(call, f"`{name}` loads data pickled just above; safe only if it cannot be replaced in between",
                          confidence=Confidence.LOW)
        return
    if _module_writes(ctx):
        yield ctx.finding(call, f"`{name}` can run arbitrary code; this module also writes these pickles, so it is safe "
                          "only if nothing else can write where they are stored", confidence=Confidence.LOW)
        return
    yield ctx.finding(call, f"`{name}` can run arbitrary code while deserialising untrusted data")


def _yaml_fix(ctx: Context, call: ast.Call):
    func = call.func
    if not isinstance(func, ast.Attribute) or func.attr not in {"load", "load_all"} or not call.args:
        return None
    kept = [ctx.source.segment(arg) for arg in call.args[:1]]
    kept += [ctx.source.segment(k) for k in call.keywords if k.arg not in {"Loader", None}]
    base = ctx.source.segment(func.value)
    new_name = "safe_load" if func.attr == "load" else "safe_load_all"
    return edits.fix(f"use yaml.{new_name}", edits.replace(ctx.source, call, f"{base}.{new_name}({', '.join(kept)})"))


@rule(
    "BST204",
    "yaml-unsafe-load",
    summary="YAML loaded with a loader that can construct arbitrary Python objects",
    calls=UNSAFE_YAML_FUNCTIONS | {"yaml.load", "yaml.load_all"},
    severity="high",
    confidence="high",
    cwe=502,
    owasp="A08",
    fixable=True,
)
def yaml_unsafe_load(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags `yaml.load` and `yaml.load_all` without a safe `Loader`, and `yaml.unsafe_load`,
    `yaml.full_load` and their `_all` variants.

    ## Why is this bad?
    PyYAML's full and unsafe loaders build Python objects named by tags in the document
    (`!!python/object/apply:os.system`), so loading an attacker's YAML runs their code. `FullLoader`
    has had several such bypasses.

    ## Example
    ```python
    config = yaml.load(request.data, Loader=yaml.Loader)
    ```

    ## Use instead
    ```python
    config = yaml.safe_load(request.data)
    ```

    ## References
    - https://pyyaml.org/wiki/PyYAMLDocumentation
    - https://github.com/yaml/pyyaml/wiki/PyYAML-yaml.load(input)-Deprecation
    - https://cwe.mitre.org/data/definitions/502.html
    """
    name = ctx.call_name(call)
    if name in UNSAFE_YAML_FUNCTIONS:
        yield ctx.finding(call, f"`{name}` can construct arbitrary Python objects; use `yaml.safe_load`")
        return
    if name not in {"yaml.load", "yaml.load_all"}:
        return
    loader = argument(call, 1, "Loader")
    if loader is not None and ctx.qualname(loader) in SAFE_YAML_LOADERS:
        return
    if loader is not None and ctx.qualname(loader) is None:
        return  # a loader we cannot resolve (project-defined, passed in): cannot tell
    what = f"with `Loader={ctx.source.segment(loader)}`" if loader is not None else "without a safe Loader"
    yield ctx.finding(call, f"`{name}` {what} can construct arbitrary Python objects", fix=_yaml_fix(ctx, call))
