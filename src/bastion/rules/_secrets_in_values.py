"""Which parts of an expression carry a secret value: names that say so (`password`, `api_key`,
`access_token`), lookups by such keys (`form["password"]`, `headers.get("Authorization")`,
`os.environ["API_KEY"]`), whole request header/cookie maps, and locals assigned from any of these."""

from __future__ import annotations

import ast
import functools
import re

from bastion.engine.context import Context
from bastion.rules._naming import camel_to_snake

_SECRET_NAME = re.compile(
    r"(?:^|_)(?:password|passwd|passwort|pwd|passphrase|secret|secret_key|api_key|apikey|access_key|private_key|"
    r"client_secret|token|access_token|refresh_token|auth_token|id_token|bearer_token|session_token|api_token|"
    r"credentials?|authorization|auth_header|bearer)$"
)
# Words that change what a secret-looking name holds: a hash, a flag, a length, a label, a field.
_NOT_THE_SECRET = re.compile(
    r"(?:^|_)(?:hash|hashed|digest|is|has|show|use|require|required|allow|check|validate|verify|mask|masked|"
    r"redacted|len|length|num|count|max|min|field|label|prompt|url|uri|path|file|name|type|expiry|expires|"
    r"policy|changed|enabled|form|widget|help|error|pattern|regex|endpoint|param|env|var|setting|header_name|"
    r"salt|reset_url|strength|score|ids|index|idx|fake|dummy|example|placeholder|no|missing|invalid|wrong|"
    r"template|subject|message|msg|text|title|view|route|redirect|timeout|days|age|ttl|class|backend|module|"
    r"hasher|hashers|validator|validators|confirm_url|input|column|attr|attribute|key_name)(?:_|$)"
)
# Words that describe an event or a related thing when they follow the secret word
# (`password_reset_email`, `password_changed_at`), but name whose secret it is before it (`email_password`).
_AFTER_THE_SECRET = re.compile(
    r"_(?:email|mail|user|username|attempt|attempts|status|result|success|failed|failure|sent|expired|updated|"
    r"set|at|date|time|on|by|count|for)(?:_|$)"
)
# Names that hold a password wherever the word sits (`my_secret_password_for_email`).
_PASSWORD_WORD = re.compile(r"(?:^|_)(?:password|passwd|passwort|pwd|passphrase)(?:_|$)")
SECRET_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "x-api-key", "x-auth-token", "api-key", "x-access-token"})
_REQUEST_MAPS = frozenset({"headers", "cookies", "COOKIES", "META", "authorization"})
_REQUEST_NAMES = frozenset({"request", "req", "self.request", "flask.request", "quart.request", "bottle.request"})
# Calls through which a secret stays readable; any other call (len, mask, hash, ...) is assumed not to.
_PASSING_CALLS = frozenset({"str", "repr", "format", "dict", "list", "tuple", "json.dumps", "dumps", "join", "encode", "decode", "strip", "lower", "upper"})


@functools.lru_cache(maxsize=8192)  # asked for every keyword, key and target of a file
def is_secret_name(name: str | None) -> bool:
    if not name:
        return False
    snake = camel_to_snake(name).strip("_")
    if not (_SECRET_NAME.search(snake) or _PASSWORD_WORD.search(snake)) or _NOT_THE_SECRET.search(snake):
        return False
    last = max((m.end() for m in _PASSWORD_WORD.finditer(snake)), default=0)
    tail = snake[last - 1 :] if last else ""
    return not _AFTER_THE_SECRET.search(tail)


def _key_is_secret(key: object) -> bool:
    return isinstance(key, str) and (key.lower() in SECRET_HEADERS or is_secret_name(key.replace("-", "_")))


def _spelled(node: ast.AST) -> str:
    try:
        return ast.unparse(node)
    except (ValueError, RecursionError):
        return ""


def _is_request_map(ctx: Context, node: ast.Attribute) -> bool:
    if node.attr not in _REQUEST_MAPS:
        return False
    base = _spelled(node.value)
    return base in _REQUEST_NAMES or (ctx.qualname(node.value) or "") in _REQUEST_NAMES


_LANGUAGE_WORDS = ("lex", "pars", "tokeniz", "grammar", "template", "compil", "nlp", "scanner")
_LANGUAGE_LIBRARIES = frozenset({"tokenize", "sqlparse", "nltk", "spacy", "transformers", "tiktoken", "pygments", "lark", "ply"})


def _in_language_code(ctx: Context) -> bool:
    """Lexers, parsers, templates and NLP code call their units `token`; those are not credentials."""
    function = getattr(ctx.function, "name", "") or ""
    where = f"{ctx.path} {function} {getattr(ctx.class_, 'name', '')}".lower()
    if any(word in where for word in _LANGUAGE_WORDS):
        return True
    return any(target and target.split(".")[0] in _LANGUAGE_LIBRARIES for target in ctx.names.scopes[0].bindings.values())


def _loop_bound(ctx: Context, name: str) -> bool:
    function = ctx.function
    scope = function if function is not None else ctx.source.tree
    for node in ast.walk(scope):
        if isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)) and any(
            isinstance(n, ast.Name) and n.id == name for n in ast.walk(node.target)
        ):
            return True
    return False


def secret_in(ctx: Context, node: ast.AST, *, follow_locals: bool = True) -> tuple[ast.AST, str] | None:
    """The first part of `node` that holds a secret, and how to describe it; None if none does."""
    if isinstance(node, (ast.Name, ast.Attribute)) and ctx.qualname(node) == "os.environ":
        return node, "`os.environ` (every environment variable, secrets included)"
    if isinstance(node, ast.Name):
        if is_secret_name(node.id):
            if _loop_bound(ctx, node.id) or (node.id == "token" and _in_language_code(ctx)):
                return None
            return node, f"`{node.id}`"
        if follow_locals:
            return _from_local(ctx, node)
        return None
    if isinstance(node, ast.Attribute):
        if is_secret_name(node.attr) or _is_request_map(ctx, node):
            return node, f"`{_spelled(node)}`"
        return None  # `token.expires_at` is a property of the token, not the token
    if isinstance(node, ast.Subscript):
        if isinstance(node.slice, ast.Slice):
            return None  # a prefix such as `token[:4]` is how secrets are masked
        if _key_is_secret(ctx.constant(node.slice)):
            return node, f"`{_spelled(node)}`"
        return secret_in(ctx, node.value, follow_locals=follow_locals) if _is_request_map_expr(ctx, node.value) else None
    if isinstance(node, ast.Call):
        return _secret_in_call(ctx, node, follow_locals)
    if isinstance(node, (ast.Compare, ast.Lambda, ast.Constant)):
        return None
    if isinstance(node, ast.IfExp):
        return secret_in(ctx, node.body, follow_locals=follow_locals) or secret_in(ctx, node.orelse, follow_locals=follow_locals)
    if isinstance(node, ast.Dict):
        for key, value in zip(node.keys, node.values, strict=True):
            if isinstance(key, ast.Constant) and _key_is_secret(key.value) and not isinstance(value, ast.Constant):
                return value, f"the `{key.value}` value"
    for child in ast.iter_child_nodes(node):
        found = secret_in(ctx, child, follow_locals=follow_locals)
        if found is not None:
            return found
    return None


def _is_request_map_expr(ctx: Context, node: ast.AST) -> bool:
    return isinstance(node, ast.Attribute) and _is_request_map(ctx, node)


def _secret_in_call(ctx: Context, call: ast.Call, follow_locals: bool) -> tuple[ast.AST, str] | None:
    func = call.func
    looks_up = (isinstance(func, ast.Attribute) and func.attr in {"get", "getenv", "pop"}) or (ctx.qualname(func) or "") == "os.getenv"
    if looks_up and call.args and _key_is_secret(ctx.constant(call.args[0])):
        return call, f"`{_spelled(call)}`"
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    if name not in _PASSING_CALLS:
        return None
    parts: list[ast.AST] = [*call.args, *(k.value for k in call.keywords)]
    if isinstance(func, ast.Attribute) and name in {"format", "join", "encode", "decode", "strip", "lower", "upper"}:
        parts.insert(0, func.value)
    for part in parts:
        found = secret_in(ctx, part, follow_locals=follow_locals)
        if found is not None:
            return found
    return None


def _from_local(ctx: Context, name: ast.Name) -> tuple[ast.AST, str] | None:
    """A local assigned (only) from a secret: `pw = request.form["password"]`; `log(pw)`."""
    function = ctx.function
    if function is None or isinstance(function, ast.Lambda):
        return None
    sources = [
        node.value
        for node in ast.walk(function)
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name.id for t in node.targets)
    ]
    if len(sources) != 1:
        return None
    found = secret_in(ctx, sources[0], follow_locals=False)
    if found is None:
        return None
    return name, f"`{name.id}` (from {found[1]})"
