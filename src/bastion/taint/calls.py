"""Calls in the flow: sources, sinks, sanitisers, container and string methods, project calls."""

from __future__ import annotations

import ast
import re
from typing import TYPE_CHECKING, Any

from bastion.engine.names import BUILTIN_NAMES
from bastion.taint import spec
from bastion.taint.libraries import KNOWN_LIBRARIES, SHELLS
from bastion.taint.values import (
    CLEAN,
    EMPTY,
    NOCONST,
    Env,
    Taint,
    Val,
    clear,
    const,
    dump,
    flat_union,
    join,
    plain,
    target_key,
    union,
)

if TYPE_CHECKING:
    from bastion.taint.flow import FunctionFlow

MARKUP = frozenset({"markupsafe.Markup", "flask.Markup", "jinja2.Markup"})
RESPONSE_BUILDERS = frozenset({
    "flask.render_template_string", "flask.templating.render_template_string",
    "flask.jsonify", "flask.render_template", "flask.make_response", "flask.Response", "flask.redirect",
    "flask.abort", "flask.send_file", "flask.send_from_directory", "django.shortcuts.render",
    "django.http.JsonResponse", "flask.stream_with_context", "werkzeug.wrappers.Response",
})
PATHLIB_READS = frozenset({"read_text", "read_bytes", "write_text", "write_bytes", "open", "unlink", "rmdir", "mkdir", "touch", "iterdir", "rename", "glob"})
RESPONSE_PACKAGES = frozenset({"flask", "werkzeug", "django", "rest_framework", "starlette", "fastapi", "aiohttp", "quart"})
RESPONSE_CLASS = re.compile(r"^(?:\w*Response\w*|make_response|json_response)$")
FOLDABLE = {"len": len, "int": int, "str": str, "float": float, "bool": bool, "abs": abs, "min": min, "max": max, "ord": ord, "chr": chr}
# Methods that store their arguments in an opaque receiver (ConfigParser.set, a queue's put, ...).
MUTATING_METHODS = frozenset({"append", "add", "extend", "insert", "update", "remove", "pop", "clear", "setdefault", "appendleft", "discard"})
STORING_METHODS = frozenset({"set", "put", "put_nowait", "push", "set_value", "add_value", "__setitem__", "write", "writelines"})
XPATH_EVALUATORS = frozenset({"lxml.etree.XPathEvaluator", "lxml.etree.XPathDocumentEvaluator", "lxml.etree.XPathElementEvaluator"})
SESSION_GETTERS = frozenset({"aiohttp_session.get_session", "aiohttp_session.new_session"})
DATABASE_LOOKUPS = frozenset({"django.shortcuts.get_object_or_404", "django.shortcuts.get_list_or_404"})
PATH_FUNCTIONS = frozenset({"os.path.realpath", "os.path.abspath", "os.path.normpath"})
SAFE_YAML_LOADERS = ("SafeLoader", "CSafeLoader", "BaseLoader")
MEMO_LIMIT = 50_000  # names remembered by the memos of this module (shared by the files of a scan)
OS_EXEC_V = frozenset({"os.execv", "os.execve", "os.execvp", "os.execvpe", "os.spawnv", "os.spawnve", "os.spawnvp", "os.posix_spawn"})


def _arg(node: ast.Call, vals: list[Val], kwvals: dict[str, Val], index: int, names: tuple[str, ...]) -> Val | None:
    if index < len(node.args) and not any(isinstance(a, ast.Starred) for a in node.args[: index + 1]):
        return vals[index]
    for name in names:
        if name in kwvals:
            return kwvals[name]
    return None


def evaluate_call(flow: FunctionFlow, node: ast.Call, env: Env) -> Val:
    file = flow.file
    func = node.func
    receiver: Val | None = None
    method: str | None = None
    if isinstance(func, ast.Attribute):
        receiver = flow.expr(func.value, env)
        method = func.attr
        qual = f"{receiver.qual}.{method}" if receiver.qual else None
    else:
        callee = flow.expr(func, env)
        qual = callee.qual
        if callee.kind == "lambda":
            return _call_lambda(flow, callee, node, env)
        if callee.kind == "xpath-callable" and node.args:
            flow.sink("xpath", flow.expr(node.args[0], env).flat(), node, ast.unparse(func)[:60])
            return CLEAN
    expr = flow.expr
    vals = [expr(a, env) for a in node.args]
    if node.keywords:
        kwvals = {k.arg: expr(k.value, env) for k in node.keywords if k.arg}
        splat = [expr(k.value, env) for k in node.keywords if k.arg is None]
        args_taint = union(*[v.flat() for v in vals], *[v.flat() for v in kwvals.values()], *[v.flat() for v in splat])
    else:
        kwvals, splat = {}, []
        args_taint = flat_union(vals)
    if (receiver is None or receiver.kind not in SPECIAL_RECEIVERS) and (
        not file.options.method_sanitizers if qual is None else _is_ordinary(file.ordinary, file.options, qual)
    ):
        # No name the models below know and no receiver of a kind they look at: no source,
        # sanitiser or model applies, only sinks on methods (by their name) and the call itself.
        if method is not None and method in file.sink_methods:
            _sinks(flow, node, qual, method, receiver, vals, kwvals, splat)
        return _result(flow, node, env, receiver, method, qual, vals, kwvals, args_taint)

    # sources
    if receiver is not None and receiver.kind == "request" and method in spec.REQUEST_METHODS:
        text = ast.unparse(func) + "()"
        taint = file.source(node, text[:80])
        if method in {"get_full_path", "build_absolute_uri", "get_host", "get_raw_uri"}:
            taint = clear(taint, frozenset({"redirect"}))
        return Val(taint, kind="json" if method in {"get_json", "json"} else None)
    if qual in file.options.sources:
        return Val(file.source(node, f"{qual}()"))
    if qual in spec.LOW_SOURCES and file.options.low and (file.options.environment or qual not in spec.ENVIRONMENT_SOURCES):
        return Val(file.source(node, spec.LOW_SOURCES[qual], low=True))
    if qual in spec.ENVIRONMENT_SOURCES and vals and spec.is_cgi_request_variable(vals[0].const):
        return Val(file.source(node, f"{qual}({vals[0].const!r})"))
    if receiver is not None and receiver.kind == "file" and method in spec.FILE_READ_METHODS and file.options.low and file.options.files:
        return Val(union(receiver.flat(), file.source(node, "file contents", low=True)))

    if qual in FOLDABLE and node.args and all(v.const is not NOCONST for v in vals) and not kwvals:
        try:
            return const(FOLDABLE[qual](*(v.const for v in vals)))
        except Exception:
            pass
    _sinks(flow, node, qual, method, receiver, vals, kwvals, splat)

    # sanitisers
    cleared = file.options.sanitizers.get(qual or "") if qual else None
    if cleared is None and method and receiver is not None and qual is None:
        cleared = file.options.method_sanitizers.get(method)
    if cleared is not None:
        if cleared == spec.ALL:
            return CLEAN
        return Val(clear(args_taint if receiver is None or qual else union(args_taint, receiver.flat()), cleared))
    if qual in PATH_FUNCTIONS or (method in {"resolve", "absolute"} and receiver is not None and receiver.kind == "path-obj"):
        on_path = receiver is not None and receiver.kind == "path-obj" and qual not in PATH_FUNCTIONS
        base = receiver.flat() if on_path and receiver is not None else args_taint
        origin = _origin(func.value) if on_path and isinstance(func, ast.Attribute) else (_origin(node.args[0]) if node.args else None)
        return Val(base, kind="path-normal", origin=origin)
    if qual in {"urllib.parse.urlparse", "urllib.parse.urlsplit", "urlparse.urlparse"}:
        return Val(args_taint, kind="urlparse", origin=_origin(node.args[0]) if node.args else None)
    if qual in {"pathlib.Path", "pathlib.PurePath", "pathlib.PosixPath"}:
        return Val(args_taint, kind="path-obj")
    if qual in {"open", "io.open", "codecs.open"}:
        return Val({}, kind="file")
    if qual in {"lxml.etree.XMLParser"}:
        safe = "resolve_entities" in kwvals and kwvals["resolve_entities"].const is False
        return Val({}, kind="safe-parser" if safe else None)
    if qual in MARKUP:
        return Val(args_taint, kind="markup")
    if receiver is not None and receiver.kind == "markup" and method in {"format", "join", "format_map"}:
        return Val(clear(union(receiver.flat(), args_taint), frozenset({"xss"})), kind="markup")
    if qual in XPATH_EVALUATORS:
        return Val({}, kind="xpath-callable")
    if qual in SESSION_GETTERS:
        return Val({}, kind="session")
    if qual in {"jinja2.Environment", "jinja2.environment.Environment"}:
        autoescape = kwvals.get("autoescape")
        return Val({}, qual=f"{qual}()", kind="jinja-env" if autoescape is None or autoescape.const is False else None)
    if receiver is not None and receiver.kind == "jinja-env" and method in {"from_string", "get_template"}:
        return Val({}, kind="jinja-template")
    if qual in {"jinja2.Template"}:
        autoescape = kwvals.get("autoescape")
        return Val({}, kind=None if autoescape is not None and autoescape.const is not False else "jinja-template")
    if qual and (qual in DATABASE_LOOKUPS or ".objects." in qual):
        return CLEAN
    if qual in RESPONSE_BUILDERS or is_response_class(qual):
        if "headers" in kwvals:
            flow.sink("header", _header_values(kwvals["headers"]), node, "a response header")
        return Val({}, kind="response")
    if qual and qual.startswith("flask.") and qual.rsplit(".", 1)[-1] in {"jsonify", "render_template"}:
        return Val({}, kind="response")

    return _result(flow, node, env, receiver, method, qual, vals, kwvals, args_taint)


def _result(
    flow: FunctionFlow, node: ast.Call, env: Env, receiver: Val | None, method: str | None, qual: str | None,
    vals: list[Val], kwvals: dict[str, Val], args_taint: Taint,
) -> Val:
    """What a call no source, sanitiser or model claimed returns: a method's, a project function's,
    or its arguments' taint."""
    if receiver is not None and method is not None:
        return _method(flow, node, env, receiver, method, qual, vals, kwvals, args_taint)
    if _is_dispatch(node, qual):
        # `handler(*args, **kwargs)` with a handler chosen at run time (`getattr(self, method)`):
        # whatever it returns is built by that handler, which is analysed where it is defined.
        return plain(clear(args_taint, XSS_ONLY))
    if qual is None:
        return plain(args_taint)
    return _function(flow, node, qual, vals, kwvals, args_taint)


# Receiver kinds that a source, sanitiser, model or sink of evaluate_call and _sinks looks for.
SPECIAL_RECEIVERS = frozenset({
    "request", "file", "path-obj", "markup", "jinja-env", "jinja-template", "response", "headers", "session",
})
# Names that evaluate_call or _special_sink treat specially, besides the configured sources,
# sinks and sanitisers and the patterns checked in _is_ordinary.
SPECIAL_NAMES = frozenset({
    *spec.LOW_SOURCES, *spec.ENVIRONMENT_SOURCES, *FOLDABLE, *spec.SUBPROCESS_NAMES, *spec.EXEC_L, *OS_EXEC_V,
    "numpy.load", "yaml.load", *PATH_FUNCTIONS, "urllib.parse.urlparse", "urllib.parse.urlsplit", "urlparse.urlparse",
    "pathlib.Path", "pathlib.PurePath", "pathlib.PosixPath", "open", "io.open", "codecs.open", "lxml.etree.XMLParser",
    *MARKUP, *XPATH_EVALUATORS, *SESSION_GETTERS, "jinja2.Environment", "jinja2.environment.Environment",
    "jinja2.Template", *DATABASE_LOOKUPS, *RESPONSE_BUILDERS,
})


def _is_ordinary(memo: dict[str, bool], options: Any, qual: str) -> bool:
    """Is `qual` a name no source, sink, sanitiser or model of evaluate_call knows (memoised per file)?"""
    found = memo.get(qual)
    if found is None:
        if len(memo) > MEMO_LIMIT:
            memo.clear()
        found = memo[qual] = not (
            qual in SPECIAL_NAMES or qual in options.sources or qual in options.sinks or qual in options.sanitizers
            or ".objects." in qual or qual.startswith(("flask.", "xml.sax.")) or is_response_class(qual)
        )
    return found


def is_response_class(qual: str | None) -> bool:
    if not qual:
        return False
    head, _, last = qual.rpartition(".")
    return head.split(".", 1)[0] in RESPONSE_PACKAGES and bool(RESPONSE_CLASS.match(last))


def _header_values(headers: Val) -> Taint:
    if headers.items is not None and not headers.seq:
        return union(headers.taint, *(v.flat() for v in headers.items.values()))
    return headers.flat()


def _origin(node: ast.AST) -> str | None:
    return target_key(node)


def _call_lambda(flow: FunctionFlow, callee: Val, node: ast.Call, env: Env) -> Val:
    if callee.node is None:
        return plain(union(*(flow.expr(a, env).flat() for a in node.args)))
    lam, closure = callee.node
    inner = dict(closure)
    flow.dotted_roots.update(key.split(".", 1)[0] for key in inner if "." in key)  # it may come from another function
    params = [a.arg for a in (*lam.args.posonlyargs, *lam.args.args)]
    for name, arg in zip(params, node.args, strict=False):
        inner[name] = flow.expr(arg, env)
    return flow.expr(lam.body, inner)


def _sinks(flow: FunctionFlow, node: ast.Call, qual: str | None, method: str | None, receiver: Val | None,
           vals: list[Val], kwvals: dict[str, Val], splat: list[Val]) -> None:
    file = flow.file
    if qual is not None and _special_sink(flow, node, qual, vals, kwvals):
        return
    sink = file.options.sinks.get(qual) if qual else None
    if sink is None and method is not None and receiver is not None and receiver.kind != "request":
        rqual = receiver.qual or ""
        typed = next((t for prefixes, t in spec.TYPED_METHOD_SINKS.get(method, ()) if rqual.startswith(prefixes)), None)
        rkind = receiver.kind
        if typed is not None:
            if typed.kind != "xxe" or "lxml" in rqual or file.sax_external:
                sink = typed
        elif method == "from_string" and "Sandboxed" in rqual:
            sink = None
        elif rkind == "response" and method in {"write", "writelines"}:
            sink = spec.Sink("xss", (0,))
        elif method in file.options.method_sinks and not (qual and qual.split(".", 1)[0] in {"str", "re"}):
            sink = file.options.method_sinks[method]
        elif method in spec.LOG_METHODS and isinstance(node.func, ast.Attribute) and _logger_name(node.func.value):
            sink = spec.Sink("log", (0,), (), True)
        elif rkind is None:
            pass  # the remaining method sinks are on values of a known kind
        elif rkind == "headers" and method in {"add", "set", "setdefault", "add_header", "extend", "update"}:
            sink = spec.Sink("header", (0, 1), (), True)
        elif rkind == "session" and method in {"update", "setdefault", "__setitem__"}:
            sink = spec.Sink("trust", (0, 1), (), True)
        elif rkind == "path-obj" and method in PATHLIB_READS:
            flow.sink("path", receiver.flat(), node, LazyName(node.func))
            return
        elif rkind == "jinja-template" and method in {"render", "generate", "stream"}:
            sink = spec.Sink("xss", (0,), (), True)
    if sink is None:
        return
    name = LazyName(node.func)
    if sink.kind in {"xss"} and qual and "content_type" in kwvals | {"mimetype": None} and _not_html(kwvals):
        return
    if sink.kind == "xxe" and "parser" in kwvals and kwvals["parser"].kind == "safe-parser":
        return
    if sink.kind == "xxe" and len(vals) > 1 and vals[1].kind == "safe-parser":
        return
    if sink.kind == "nosql":
        taint = _nosql_taint(node, vals, kwvals)
        flow.sink("nosql", taint, node, name)
        return
    if sink.all_args:
        taint = union(*(v.flat() for v in vals), *(v.flat() for k, v in kwvals.items() if k not in {"exc_info", "stack_info", "extra", "level"}), *(v.flat() for v in splat))
    else:
        parts = [_arg(node, vals, kwvals, index, sink.keywords if index == sink.args[0] else ()) for index in sink.args]
        parts += [kwvals[k] for k in sink.keywords if k in kwvals]
        taint = union(*(p.flat() for p in parts if p is not None))
    flow.sink(sink.kind, taint, node, name)


def _special_sink(flow: FunctionFlow, node: ast.Call, qual: str, vals: list[Val], kwvals: dict[str, Val]) -> bool:
    """Sinks whose arguments need a closer look (a shell, a loader, a parser); True when `qual` is
    one of them and nothing else is to be checked."""
    file = flow.file
    if qual in spec.SUBPROCESS_NAMES:
        _subprocess(flow, node, vals, kwvals, LazyName(node.func))
        return True
    if qual in spec.EXEC_L:
        index = 1 if qual.startswith("os.spawn") else 0
        rest = vals[index + 1:]
        if index < len(vals) and _is_shell(vals[index].const):
            flags = [i for i, v in enumerate(rest) if v.const in {"-c", "/c"}]
            flow.sink("command", union(*(v.flat() for v in rest[flags[0] + 1:])) if flags else {}, node, LazyName(node.func))
        elif index < len(vals):
            flow.sink("command", vals[index].flat(), node, LazyName(node.func))
        return True
    if qual == "numpy.load" and not (kwvals.get("allow_pickle") and kwvals["allow_pickle"].const is True):
        return True
    if qual in OS_EXEC_V:
        index = 1 if qual.startswith("os.spawn") else 0
        if index < len(vals):
            flow.sink("command", vals[index].flat(), node, LazyName(node.func))
        return True
    if qual == "yaml.load":
        loader = kwvals.get("Loader") or (vals[1] if len(vals) > 1 else None)
        if loader is not None and (loader.qual or "").endswith(SAFE_YAML_LOADERS):
            return True
    if qual.startswith("xml.sax.") and qual.rsplit(".", 1)[-1] in {"parseString", "parse"} and file.sax_external:
        if vals:
            flow.sink("xxe", vals[0].flat(), node, LazyName(node.func))
        return True
    return False


class LazyName:
    """The source text of a callee, computed only when a sink is actually recorded."""

    __slots__ = ("node",)

    def __init__(self, node: ast.AST) -> None:
        self.node = node

    def __str__(self) -> str:
        return ast.unparse(self.node)[:60]


def _not_html(kwvals: dict[str, Val]) -> bool:
    for key in ("content_type", "mimetype", "media_type"):
        value = kwvals.get(key)
        if value is not None and isinstance(value.const, str) and "html" not in value.const:
            return True
    return False


def _logger_name(node: ast.AST) -> bool:
    if isinstance(node, ast.Name):
        return node.id in spec.LOGGER_NAMES
    if isinstance(node, ast.Attribute):
        return node.attr in spec.LOGGER_NAMES
    return False


def _nosql_taint(node: ast.Call, vals: list[Val], kwvals: dict[str, Val]) -> Taint:
    query = vals[0] if vals else kwvals.get("filter")
    if query is None:
        return {}
    if query.items is not None and not query.seq:
        parts = [query.taint]
        for key, value in query.items.items():
            if key in {"$where", "$function", "$accumulator", "$expr"} or value.kind == "json":
                parts.append(value.flat())
            elif value.items is not None and not value.seq:
                parts.append(_nested_operator_taint(value))
        return union(*parts)
    return query.flat()


def _nested_operator_taint(value: Val) -> Taint:
    parts = [value.taint]
    for key, inner in (value.items or {}).items():
        if key in {"$where", "$regex", "$function"} or inner.kind == "json":
            parts.append(inner.flat())
    return union(*parts)


def _subprocess(flow: FunctionFlow, node: ast.Call, vals: list[Val], kwvals: dict[str, Val], name: str) -> None:
    command = vals[0] if vals else kwvals.get("args")
    if command is None:
        return
    shell = kwvals.get("shell")
    if shell is not None and shell.const is not NOCONST and shell.const:
        flow.sink("command", command.flat(), node, name)
        return
    literal = node.args[0] if node.args else None
    if isinstance(literal, (ast.List, ast.Tuple)) and any(isinstance(e, ast.Starred) for e in literal.elts):
        prefix = []
        for element in literal.elts:
            if isinstance(element, ast.Starred):
                break
            prefix.append(flow.expr(element, {}) if isinstance(element, ast.Constant) else None)
        if prefix and prefix[0] is not None and not _is_shell(prefix[0].const):
            return  # a fixed program; its arguments are not a shell command
    if command.items is not None and command.seq:
        items = [command.items[i] for i in sorted(command.items)]
        if items:
            program = items[0]
            if _is_shell(program.const) and len(items) > 2 and items[1].const in {"-c", "/c", "-Command"}:
                flow.sink("command", union(*(i.flat() for i in items[2:])), node, name)
                return
            flow.sink("command", union(program.flat(), command.taint), node, name)
        return
    flow.sink("command", command.flat(), node, name)


def _method(flow: FunctionFlow, node: ast.Call, env: Env, receiver: Val, method: str, qual: str | None,
            vals: list[Val], kwvals: dict[str, Val], args_taint: Taint) -> Val:
    func = node.func
    assert isinstance(func, ast.Attribute)
    # the receiver's variable, named only for the methods that change it
    key = target_key(func.value) if method in MUTATING_METHODS or method in STORING_METHODS else None
    # containers, tracked per element / key
    if method in MUTATING_METHODS and key and key in env:
        return _mutate(flow, env, key, receiver, method, vals, kwvals)
    if qual is not None and qual.split(".", 1)[0] not in KNOWN_LIBRARIES:
        return _function(flow, node, qual, vals, kwvals, args_taint, receiver)
    if (receiver.kind or "").startswith("instance:") or (isinstance(func.value, ast.Name) and func.value.id in {"self", "cls"} and flow.cls):
        return _unknown_method(flow, node, receiver, method, vals, kwvals)
    if method == "bindparams":  # SQLAlchemy binds the values as parameters
        return plain(receiver.flat())
    if method in STORING_METHODS and key and key in env and (receiver.qual or receiver.kind is None):
        stored = env[key]
        slot = tuple(v.const for v in vals[:-1])
        if len(vals) >= 2 and NOCONST not in slot and not kwvals and (stored.items is not None or not stored.flat()):
            items = dict(stored.items or {})
            items[slot] = vals[-1]
            env[key] = Val(stored.taint, items=items, kind=stored.kind, qual=stored.qual)
        else:
            env[key] = Val(union(stored.flat(), args_taint), kind=stored.kind, qual=stored.qual)
        return CLEAN
    if method == "get" and receiver.items is not None and not receiver.seq and vals and vals[0].const is not NOCONST:
        try:
            slot = tuple(v.const for v in vals)
            if slot in receiver.items:
                return receiver.items[slot]
            if vals[0].const in receiver.items:
                return receiver.items[vals[0].const]
        except TypeError:
            pass
        default = vals[1] if len(vals) > 1 else CLEAN
        return join(default, plain(receiver.taint)) if receiver.taint else default
    if method in spec.CLEAN_METHODS and method not in {"exists"}:
        return CLEAN
    if receiver.const is not NOCONST and all(v.const is not NOCONST for v in vals) and not kwvals:
        folded = _fold_method(receiver.const, method, [v.const for v in vals])
        if folded is not NOCONST:
            return const(folded)
    if method == "replace" and len(vals) >= 1 and isinstance(vals[0].const, (str, bytes)):
        removed = vals[0].const
        newline = isinstance(removed, str) and ("\n" in removed or "\r" in removed)
        base = receiver.flat()
        if len(vals) > 1:
            base = union(base, vals[1].flat())
        return Val(clear(base, spec.NEWLINE_KINDS_CLEARED) if newline else base)
    if method in spec.PROPAGATING_METHODS or (receiver.qual is None and qual is None):
        if method in {"join"}:
            return plain(union(receiver.flat(), args_taint))
        if method in {"format", "format_map"} and isinstance(receiver.const, str):
            from bastion.taint.flow import prefix_clears

            kinds = prefix_clears(receiver.const.split("{", 1)[0])
            return plain(clear(args_taint, kinds) if kinds else args_taint)
        if method in {"format", "format_map", "replace", "encode", "decode", "translate"}:
            return plain(union(receiver.flat(), args_taint))
        if method in {"get", "getlist", "pop", "getone", "getall", "setdefault"}:
            default = vals[1].flat() if len(vals) > 1 else {}
            if receiver.kind == "wsgi-environ" and vals and spec.is_server_set(vals[0].const):
                return plain(default)
            return Val(union(receiver.flat(), default), kind="json" if receiver.kind == "json" else None)
        if qual is None and method not in spec.PROPAGATING_METHODS:
            return _unknown_method(flow, node, receiver, method, vals, kwvals)
        return plain(receiver.flat())
    if qual is not None:
        return _function(flow, node, qual, vals, kwvals, args_taint, receiver)
    return plain(receiver.flat())


def _unknown_method(flow: FunctionFlow, node: ast.Call, receiver: Val, method: str, vals: list[Val], kwvals: dict[str, Val]) -> Val:
    """A method on a value we cannot type: a project method if we know the class, else the receiver's taint."""
    func = node.func
    assert isinstance(func, ast.Attribute)
    candidates: list[str] = []
    if isinstance(func.value, ast.Name) and func.value.id in {"self", "cls"} and flow.cls:
        candidates.append(f"{flow.cls}.{method}")
    elif receiver.kind and receiver.kind.startswith("instance:"):
        candidates.append(f"{receiver.kind[9:]}.{method}")
    if candidates:
        return record_call(flow, node, candidates, vals, kwvals, receiver)
    return plain(receiver.flat())


def _mutate(flow: FunctionFlow, env: Env, key: str, receiver: Val, method: str, vals: list[Val], kwvals: dict[str, Val]) -> Val:
    current = env[key]
    items = dict(current.items) if current.items is not None else None
    result: Val = CLEAN
    if method in {"append", "add", "appendleft"} and vals:
        if items is not None and current.seq and method != "add":
            if method == "append":
                items[len(items)] = vals[0]
            else:
                items = {i + 1: v for i, v in items.items()}
                items[0] = vals[0]
            env[key] = Val(current.taint, items=dict(sorted(items.items())), seq=True)
        else:
            env[key] = Val(union(current.flat(), vals[0].flat()), kind=current.kind)
    elif method == "insert" and len(vals) == 2:
        position = vals[0].const
        if items is not None and current.seq and isinstance(position, int) and 0 <= position <= len(items):
            ordered = [items[i] for i in sorted(items)]
            ordered.insert(position, vals[1])
            env[key] = Val(current.taint, items=dict(enumerate(ordered)), seq=True)
        else:
            env[key] = Val(union(current.flat(), vals[1].flat()))
    elif method == "extend" and vals:
        other = vals[0]
        if items is not None and current.seq and other.items is not None and other.seq:
            ordered = [items[i] for i in sorted(items)] + [other.items[i] for i in sorted(other.items)]
            env[key] = Val(union(current.taint, other.taint), items=dict(enumerate(ordered)), seq=True)
        else:
            env[key] = Val(union(current.flat(), other.flat()))
    elif method == "update":
        other = vals[0] if vals else None
        if items is not None and not current.seq and other is not None and other.items is not None and not other.seq:
            items.update(other.items)
            env[key] = Val(union(current.taint, other.taint), items=items, kind=current.kind)
        elif items is not None and not current.seq and other is None:
            items.update(kwvals)
            env[key] = Val(current.taint, items=items, kind=current.kind)
        else:
            env[key] = Val(union(current.flat(), *(v.flat() for v in vals), *(v.flat() for v in kwvals.values())), kind=current.kind)
        if current.kind == "session" or receiver.kind == "session":
            flow.sink("trust", union(*(v.flat() for v in vals), *(v.flat() for v in kwvals.values())), node_of(flow, key), "the session")
    elif method == "pop":
        if items is not None and current.seq:
            ordered = [items[i] for i in sorted(items)]
            position = vals[0].const if vals else -1
            if isinstance(position, int) and ordered and -len(ordered) <= position < len(ordered):
                result = ordered.pop(position)
                env[key] = Val(current.taint, items=dict(enumerate(ordered)), seq=True)
                return result
            return plain(current.flat())
        if items is not None and vals and vals[0].const is not NOCONST:
            try:
                result = items.pop(vals[0].const, vals[1] if len(vals) > 1 else plain(current.taint))
            except TypeError:
                return plain(current.flat())
            env[key] = Val(current.taint, items=items, kind=current.kind)
            return result
        return plain(current.flat())
    elif method == "remove" and vals and items is not None and current.seq:
        ordered = [items[i] for i in sorted(items)]
        target = vals[0].const
        for index, item in enumerate(ordered):
            if target is not NOCONST and item.const == target:
                del ordered[index]
                env[key] = Val(current.taint, items=dict(enumerate(ordered)), seq=True)
                break
        else:
            env[key] = Val(current.flat())
    elif method == "setdefault" and vals:
        default = vals[1] if len(vals) > 1 else CLEAN
        if items is not None and vals[0].const is not NOCONST:
            try:
                if vals[0].const in items:
                    return items[vals[0].const]
                items[vals[0].const] = default
                env[key] = Val(current.taint, items=items, kind=current.kind)
            except TypeError:
                pass
            return default
        env[key] = Val(union(current.flat(), default.flat()), kind=current.kind)
        return plain(union(current.flat(), default.flat()))
    elif method == "clear":
        env[key] = Val({}, items={} if items is not None else None, seq=current.seq, kind=current.kind)
    return result


def node_of(flow: FunctionFlow, key: str) -> Any:
    return flow.current_node


def _fold_method(value: Any, method: str, args: list[Any]) -> Any:
    if not isinstance(value, (str, bytes)) or method not in {
        "lower", "upper", "strip", "lstrip", "rstrip", "replace", "split", "join", "format", "title",
        "capitalize", "encode", "decode", "startswith", "endswith", "removeprefix", "removesuffix",
    }:
        return NOCONST
    try:
        result = getattr(value, method)(*args)
    except Exception:
        return NOCONST
    if isinstance(result, list):
        return tuple(result)
    return result


XSS_ONLY = frozenset({"xss"})


def _is_dispatch(node: ast.Call, qual: str | None) -> bool:
    """A call that forwards its caller's arguments (`*args`, `**kwargs` only) to a callee computed
    at run time: a call result, a subscript, or a variable holding some function."""
    forwarded = [*node.args, *node.keywords]
    if not forwarded or not all(isinstance(a, ast.Starred) for a in node.args) or any(k.arg for k in node.keywords):
        return False
    return isinstance(node.func, (ast.Call, ast.Subscript)) or (qual is None and isinstance(node.func, ast.Name))


def _function(flow: FunctionFlow, node: ast.Call, qual: str, vals: list[Val], kwvals: dict[str, Val],
              args_taint: Taint, receiver: Val | None = None) -> Val:
    shape = _SHAPES.get(qual)
    if shape is None:
        if len(_SHAPES) > MEMO_LIMIT:
            _SHAPES.clear()
        shape = _SHAPES[qual] = _shape(qual)
    project, method_of_result, called, bare, capitalised, builtin = shape
    if method_of_result:
        return record_call(flow, node, [qual.replace("()", "")], vals, kwvals, receiver)
    classes = flow.file.classes
    if (project and not called) or bare in classes:
        candidates = [qual]
        value = record_call(flow, node, candidates, vals, kwvals, receiver)
        value.qual = f"{qual}()"
        if capitalised or qual in classes:
            value.kind = f"instance:{qual}"
        return value
    taint = union(receiver.flat(), args_taint) if receiver is not None and called else args_taint
    return Val(taint, qual=f"{qual}()" if not builtin else None)


_SHAPES: dict[str, tuple[bool, bool, bool, str, bool, bool]] = {}  # memo of _shape


def _shape(qual: str) -> tuple[bool, bool, bool, str, bool, bool]:
    """What _function asks of a name: (project code, a method of one call's result (`a.b().c`),
    holds a call, the name without trailing `()`, last part capitalised, a builtin)."""
    head = qual.split(".", 1)[0].rstrip("()")
    project = head not in KNOWN_LIBRARIES
    method_of_result = project and qual.count("()") == 1 and not qual.endswith("()")
    return (project, method_of_result, "()" in qual, qual.rstrip("()"), qual.rsplit(".", 1)[-1][:1].isupper(), head in BUILTIN_NAMES)


def record_call(flow: FunctionFlow, node: ast.Call, candidates: list[str], vals: list[Val], kwvals: dict[str, Val], receiver: Val | None) -> Val:
    """The value of a call to project code: the label `c:N` of its record, which the project pass
    resolves. A call evaluated again (a loop's second pass, a lambda called twice) keeps its
    record and label, with the union of the arguments of every evaluation."""
    calls = flow.file.calls
    flow.made_calls = True
    args = [v.flat() for v in vals]
    kw = {k: taint for k, v in kwvals.items() if (taint := v.flat())}
    received = receiver.flat() if receiver is not None else {}
    key = (id(node), *candidates)
    index = flow.recorded.get(key)
    if index is None:
        index = flow.recorded[key] = len(calls)
        record: dict[str, Any] = {"q": candidates, "l": node.lineno, "c": node.col_offset, "f": flow.qual}
        if any(args):
            record["a"] = args
        if kw:
            record["k"] = kw
        if received:
            record["r"] = received
        calls.append(record)
    else:
        record = calls[index]
        if any(args):
            old_args = record.get("a")
            record["a"] = [union(a, b) for a, b in zip(old_args, args, strict=False)] if old_args else args
        if kw:
            old_kw = record.setdefault("k", {})
            for name, taint in kw.items():
                old_kw[name] = union(old_kw.get(name, {}), taint)
        if received:
            record["r"] = union(record.get("r", {}), received)
    return Val({f"c:{index}": EMPTY})


def dump_calls(calls: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The call records as facts (taints as sorted lists)."""
    for record in calls:
        if "a" in record:
            record["a"] = [dump(taint) for taint in record["a"]]
        if "k" in record:
            record["k"] = {name: dump(taint) for name, taint in record["k"].items()}
        if "r" in record:
            record["r"] = dump(record["r"])
    return calls


__all__ = ["EMPTY", "const", "evaluate_call"]


def _is_shell(value: Any) -> bool:
    return isinstance(value, str) and (value in SHELLS or value.rsplit("/", 1)[-1] in SHELLS)
