"""Sources, sinks and sanitisers as data, per framework; extended from `[tool.bastion.taint]`.

Sink kinds (one per rule): code, command, path, xss, ssrf, redirect, ldap, xpath, xxe,
deserialization, trust, header, regex, template, nosql, sql, log.

Names are resolved qualified names (`from flask import request as r` -> `flask.request`). A trailing
`()` marks "the result of calling": `requests.Session().get` is the `get` method of a session.
"""

from __future__ import annotations

from dataclasses import dataclass

KINDS = (
    "code", "command", "path", "xss", "ssrf", "redirect", "ldap", "xpath", "xxe",
    "deserialization", "trust", "header", "regex", "template", "nosql", "sql", "log",
)
ALL = frozenset(KINDS)

# --- sources ------------------------------------------------------------------------------

# Attributes of a web request object that carry client-controlled data (Flask/Werkzeug, Django,
# DRF, Starlette/FastAPI, aiohttp).
REQUEST_ATTRS = frozenset({
    "args", "form", "values", "json", "data", "files", "cookies", "headers", "path", "url",
    "view_args", "environ", "full_path", "base_url", "url_root", "host_url", "query_string",
    "stream", "authorization", "referrer", "user_agent", "remote_user", "host", "script_root",
    "GET", "POST", "COOKIES", "META", "body", "FILES", "path_info", "content_params",
    "query_params", "path_params", "query", "match_info", "rel_url", "raw_path", "content",
    "raw_headers", "forwarded", "url_for",
})
# Methods of a request object whose result is client-controlled.
REQUEST_METHODS = frozenset({
    "get_json", "get_data", "get_full_path", "build_absolute_uri", "json", "form", "body",
    "post", "text", "read", "stream", "multipart", "get_host", "get_raw_uri",
})
# Annotations that make a handler parameter a request object.
REQUEST_TYPES = frozenset({
    "django.http.HttpRequest", "django.http.request.HttpRequest", "rest_framework.request.Request",
    "starlette.requests.Request", "fastapi.Request", "fastapi.requests.Request", "aiohttp.web.Request",
    "aiohttp.web.BaseRequest", "aiohttp.web_request.Request", "flask.Request", "werkzeug.wrappers.Request",
    "starlette.requests.HTTPConnection", "fastapi.WebSocket", "starlette.websockets.WebSocket",
})
# Globals that are the current request.
REQUEST_GLOBALS = frozenset({"flask.request", "quart.request", "bottle.request"})

# Calls and names whose value comes from outside at lower confidence.
LOW_SOURCES = {
    "input": "input()",
    "raw_input": "raw_input()",
    "sys.argv": "sys.argv",
    "os.environ": "os.environ",
    "os.getenv": "os.getenv()",
    "os.environ.get": "os.environ.get()",
    "os.getenvb": "os.getenvb()",
    "sys.stdin": "sys.stdin",
    "sys.stdin.read": "sys.stdin.read()",
    "sys.stdin.readline": "sys.stdin.readline()",
}
# The process environment: set by whoever deploys or runs the program (the operator), not by the
# attacker the other sources stand for. A source only with `environment-sources = true`.
ENVIRONMENT_SOURCES = frozenset({"os.environ", "os.getenv", "os.environ.get", "os.getenvb"})
# Except the variables a CGI server fills from the request (RFC 3875): those are request data.
CGI_REQUEST_VARIABLES = frozenset({
    "QUERY_STRING", "PATH_INFO", "PATH_TRANSLATED", "REQUEST_URI", "CONTENT_TYPE", "CONTENT_LENGTH",
    "REMOTE_USER", "REMOTE_IDENT", "AUTH_TYPE", "SCRIPT_URL", "SCRIPT_URI", "REDIRECT_URL",
    "REDIRECT_QUERY_STRING",
})


def is_cgi_request_variable(name: object) -> bool:
    return isinstance(name, str) and (name in CGI_REQUEST_VARIABLES or name.startswith("HTTP_"))


# Keys of a WSGI environ (Django's `request.META`) that the request decides besides the above.
_REQUEST_DERIVED = frozenset({"SERVER_NAME", "REMOTE_HOST", "SCRIPT_NAME", "REQUEST_METHOD", "RAW_URI"})


def is_server_set(name: object) -> bool:
    """`request.META["REMOTE_ADDR"]`, `["SERVER_PORT"]`, `["CSRF_COOKIE"]`: set by the server or by
    middleware, not copied from the request (headers are `HTTP_*`, `wsgi.input` is the body)."""
    return (
        isinstance(name, str)
        and name.isupper()
        and not is_cgi_request_variable(name)
        and name not in _REQUEST_DERIVED
    )
# Methods of open files whose result is file contents (lower confidence).
FILE_READ_METHODS = frozenset({"read", "readline", "readlines", "read_text", "read_bytes"})

# Annotations that make a typed parameter safe: the framework converts or rejects anything else.
SAFE_TYPES = frozenset({
    "int", "float", "bool", "complex", "uuid.UUID", "UUID", "decimal.Decimal", "datetime.date",
    "datetime.datetime", "datetime.time", "datetime.timedelta", "pydantic.conint", "pydantic.confloat",
    "pydantic.condecimal", "pydantic.PositiveInt", "pydantic.NegativeInt", "pydantic.NonNegativeInt",
    "pydantic.StrictInt", "pydantic.StrictFloat", "pydantic.StrictBool", "pydantic.UUID4",
    "pydantic.UUID1", "pydantic.EmailStr", "pydantic.PositiveFloat", "pydantic.IPvAnyAddress",
    "ipaddress.IPv4Address", "ipaddress.IPv6Address", "pydantic.types.conint", "typing.Literal",
    "Literal", "None",
})
# Flask/Werkzeug route converters whose values cannot carry a payload.
SAFE_CONVERTERS = frozenset({"int", "float", "uuid"})
# FastAPI parameter markers; `Depends` is not client data.
PARAM_MARKERS = frozenset({"Query", "Path", "Body", "Header", "Cookie", "Form", "File"})

# --- sinks --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Sink:
    kind: str
    args: tuple[int, ...] = (0,)  # positional argument indexes that are dangerous
    keywords: tuple[str, ...] = ()
    all_args: bool = False  # every argument (logging calls, ...)


def _s(kind: str, *args: int, kw: tuple[str, ...] = (), all_args: bool = False) -> Sink:
    return Sink(kind, args or (0,), kw, all_args)


SINKS: dict[str, Sink] = {
    # code
    "eval": _s("code", kw=("source",)), "exec": _s("code", kw=("source",)),
    "compile": _s("code", kw=("source",)), "builtins.eval": _s("code"), "builtins.exec": _s("code"),
    # command
    "os.system": _s("command", kw=("command",)), "os.popen": _s("command", kw=("cmd",)),
    "os.popen2": _s("command"), "os.popen3": _s("command"), "commands.getoutput": _s("command"),
    "subprocess.getoutput": _s("command", kw=("cmd",)), "subprocess.getstatusoutput": _s("command", kw=("cmd",)),
    # path
    "open": _s("path", kw=("file",)), "aiofiles.open": _s("path", kw=("file",)), "io.open": _s("path", kw=("file",)), "codecs.open": _s("path", kw=("filename",)),
    "os.open": _s("path"), "os.remove": _s("path"), "os.unlink": _s("path"), "os.rmdir": _s("path"),
    "os.removedirs": _s("path"), "os.listdir": _s("path"), "os.scandir": _s("path"), "os.mkdir": _s("path"),
    "os.makedirs": _s("path"), "os.rename": _s("path", 0, 1), "os.replace": _s("path", 0, 1),
    "os.chmod": _s("path"), "os.chown": _s("path"), "os.truncate": _s("path"), "os.walk": _s("path"),
    "os.stat": _s("path"), "os.startfile": _s("path"),
    "shutil.copy": _s("path", 0, 1), "shutil.copyfile": _s("path", 0, 1), "shutil.copy2": _s("path", 0, 1),
    "shutil.move": _s("path", 0, 1), "shutil.rmtree": _s("path"), "shutil.copytree": _s("path", 0, 1),
    "shutil.make_archive": _s("path", 0, 2), "shutil.unpack_archive": _s("path", 0, 1),
    "pathlib.Path.open": _s("path"), "flask.send_file": _s("path", kw=("path_or_file",)),
    "flask.helpers.send_file": _s("path"), "django.http.FileResponse": _s("path"),
    "starlette.responses.FileResponse": _s("path", kw=("path",)), "fastapi.responses.FileResponse": _s("path", kw=("path",)),
    "aiohttp.web.FileResponse": _s("path", kw=("path",)), "tarfile.open": _s("path", kw=("name",)),
    "zipfile.ZipFile": _s("path"), "linecache.getlines": _s("path"), "fileinput.input": _s("path"),
    # xss
    "flask.make_response": _s("xss"), "flask.Response": _s("xss", kw=("response",)),
    "werkzeug.wrappers.Response": _s("xss", kw=("response",)), "markupsafe.Markup": _s("xss"),
    "flask.Markup": _s("xss"), "jinja2.Markup": _s("xss"), "django.utils.safestring.mark_safe": _s("xss"),
    "django.utils.safestring.SafeString": _s("xss"), "django.http.HttpResponse": _s("xss", kw=("content",)),
    "django.http.response.HttpResponse": _s("xss", kw=("content",)), "django.http.HttpResponseBadRequest": _s("xss"),
    "django.http.HttpResponseNotFound": _s("xss"), "django.http.HttpResponseForbidden": _s("xss"),
    "starlette.responses.HTMLResponse": _s("xss", kw=("content",)), "fastapi.responses.HTMLResponse": _s("xss", kw=("content",)),
    "aiohttp.web.Response": _s("xss", kw=("text", "body")),
    # template
    "flask.render_template_string": _s("template", kw=("source",)), "jinja2.Template": _s("template", kw=("source",)),
    "jinja2.Environment().from_string": _s("template", kw=("source",)), "django.template.Template": _s("template"),
    "django.template.engines.from_string": _s("template"), "mako.template.Template": _s("template", kw=("text",)),
    "tornado.template.Template": _s("template", kw=("template_string",)),
    "jinja2.environment.Template": _s("template"),
    # ssrf
    **{f"requests.{m}": _s("ssrf", kw=("url",)) for m in ("get", "post", "put", "delete", "head", "patch", "options")},
    "requests.request": _s("ssrf", 1, kw=("url",)), "requests.Session().request": _s("ssrf", 1, kw=("url",)),
    **{f"requests.Session().{m}": _s("ssrf", kw=("url",)) for m in ("get", "post", "put", "delete", "head", "patch")},
    **{f"httpx.{m}": _s("ssrf", kw=("url",)) for m in ("get", "post", "put", "delete", "head", "patch", "stream")},
    **{f"httpx.Client().{m}": _s("ssrf", kw=("url",)) for m in ("get", "post", "put", "delete", "head", "patch")},
    **{f"httpx.AsyncClient().{m}": _s("ssrf", kw=("url",)) for m in ("get", "post", "put", "delete", "head", "patch")},
    "httpx.request": _s("ssrf", 1, kw=("url",)),
    "urllib.request.urlopen": _s("ssrf", kw=("url",)), "urllib.request.Request": _s("ssrf", kw=("url",)),
    "urllib.request.urlretrieve": _s("ssrf", kw=("url",)), "urllib2.urlopen": _s("ssrf"), "urllib.urlopen": _s("ssrf"),
    "http.client.HTTPConnection": _s("ssrf", kw=("host",)), "http.client.HTTPSConnection": _s("ssrf", kw=("host",)),
    "urllib3.PoolManager().request": _s("ssrf", 1, kw=("url",)), "urllib3.request": _s("ssrf", 1),
    **{f"aiohttp.ClientSession().{m}": _s("ssrf", kw=("url",)) for m in ("get", "post", "put", "delete", "head", "patch")},
    "aiohttp.ClientSession().request": _s("ssrf", 1, kw=("url",)), "socket.create_connection": _s("ssrf"),
    "pycurl.Curl().setopt": _s("ssrf", 1),
    # redirect
    "flask.redirect": _s("redirect", kw=("location",)), "werkzeug.utils.redirect": _s("redirect", kw=("location",)),
    "django.shortcuts.redirect": _s("redirect", kw=("to",)), "django.http.HttpResponseRedirect": _s("redirect", kw=("redirect_to",)),
    "django.http.HttpResponsePermanentRedirect": _s("redirect", kw=("redirect_to",)),
    "starlette.responses.RedirectResponse": _s("redirect", kw=("url",)), "fastapi.responses.RedirectResponse": _s("redirect", kw=("url",)),
    "aiohttp.web.HTTPFound": _s("redirect", kw=("location",)), "aiohttp.web.HTTPMovedPermanently": _s("redirect", kw=("location",)),
    "aiohttp.web.HTTPSeeOther": _s("redirect", kw=("location",)), "aiohttp.web.HTTPTemporaryRedirect": _s("redirect", kw=("location",)),
    # ldap
    "ldap3.Connection().extend.standard.paged_search": _s("ldap", 0, 1, kw=("search_base", "search_filter")),
    "ldap3.Connection().search": _s("ldap", 0, 1, kw=("search_base", "search_filter")),
    **{f"ldap.initialize().{m}": _s("ldap", 0, 2, kw=("base", "filterstr")) for m in ("search", "search_s", "search_st", "search_ext", "search_ext_s")},
    **{f"ldap.ldapobject.LDAPObject().{m}": _s("ldap", 0, 2, kw=("base", "filterstr")) for m in ("search", "search_s", "search_ext_s")},
    # xpath
    "lxml.etree.XPath": _s("xpath", kw=("path",)), "lxml.etree.ETXPath": _s("xpath"),
    # xxe
    **{f"lxml.etree.{m}": _s("xxe", kw=("text", "source")) for m in ("fromstring", "XML", "parse", "iterparse", "XMLID", "fromstringlist")},
    "xml.dom.pulldom.parseString": _s("xxe"),
    # deserialization
    **{f"{mod}.{fn}": _s("deserialization", kw=("data", "file")) for mod in ("pickle", "_pickle", "cPickle", "dill", "cloudpickle") for fn in ("loads", "load")},
    "pickle.Unpickler": _s("deserialization"), "marshal.loads": _s("deserialization"), "marshal.load": _s("deserialization"),
    "shelve.open": _s("deserialization"), "jsonpickle.decode": _s("deserialization"), "jsonpickle.loads": _s("deserialization"),
    "yaml.unsafe_load": _s("deserialization"), "yaml.full_load": _s("deserialization"), "yaml.load_all": _s("deserialization"),
    "pandas.read_pickle": _s("deserialization"), "numpy.load": _s("deserialization"), "torch.load": _s("deserialization"),
    "yaml.load": _s("deserialization", kw=("stream",)),
    # regex
    **{f"re.{fn}": _s("regex", kw=("pattern",)) for fn in ("compile", "search", "match", "fullmatch", "findall", "finditer", "sub", "subn", "split")},
    "regex.compile": _s("regex"), "regex.search": _s("regex"), "regex.match": _s("regex"),
    # sql
    "sqlalchemy.text": _s("sql", kw=("text",)), "sqlalchemy.sql.text": _s("sql"), "django.db.models.expressions.RawSQL": _s("sql", kw=("sql",)),
    "django.db.models.RawSQL": _s("sql"), "pandas.read_sql": _s("sql", kw=("sql",)), "pandas.read_sql_query": _s("sql", kw=("sql",)),
    # log
    **{f"logging.{m}": _s("log", all_args=True) for m in ("debug", "info", "warning", "warn", "error", "critical", "exception", "log")},
    **{f"logging.getLogger().{m}": _s("log", all_args=True) for m in ("debug", "info", "warning", "warn", "error", "critical", "exception", "log")},
    **{f"flask.current_app.logger.{m}": _s("log", all_args=True) for m in ("debug", "info", "warning", "error", "critical", "exception")},
    **{f"structlog.get_logger().{m}": _s("log", all_args=True) for m in ("debug", "info", "warning", "error", "critical", "exception")},
    **{f"loguru.logger.{m}": _s("log", all_args=True) for m in ("debug", "info", "warning", "error", "critical", "exception")},
}

# Methods matched by name on receivers we cannot type, when the value reaching them is tainted.
METHOD_SINKS: dict[str, Sink] = {
    "execute": _s("sql", kw=("sql", "query", "operation", "statement")), "executemany": _s("sql", kw=("sql", "query")),
    "executescript": _s("sql", kw=("sql_script",)), "raw": _s("sql", kw=("raw_query",)), "mogrify": _s("sql"),
    "exec_driver_sql": _s("sql"), "extra": _s("sql", kw=("where", "select", "tables")),
    "xpath": _s("xpath", kw=("_path",)), "evaluate": _s("xpath"),
    "search_s": _s("ldap", 0, 2, kw=("base", "filterstr")), "search_ext_s": _s("ldap", 0, 2, kw=("base", "filterstr")),
    "render_template_string": _s("template"), "from_string": _s("template", kw=("source",)),
    "send_file": _s("path"),
}
# Method sinks whose receiver must come from one of these modules (names too common to match alone).
_TYPED: list[tuple[str, tuple[str, ...], Sink]] = [
    ("search", ("ldap3", "ldap"), _s("ldap", 0, 1, kw=("search_base", "search_filter"))),
    ("search_st", ("ldap",), _s("ldap", 0, 2)),
    *((m, ("xml.etree", "lxml", "defusedxml"), _s("xpath", kw=("path", "match"))) for m in ("find", "findall", "findtext", "iterfind")),
    *((m, ("pymongo", "motor", "mongoengine", "flask_pymongo"), _s("nosql", kw=("filter",))) for m in (
        "find", "find_one", "find_one_and_delete", "find_one_and_update", "find_one_and_replace", "delete_one",
        "delete_many", "update_one", "update_many", "count_documents", "aggregate", "distinct", "replace_one")),
    *((m, ("logging",), _s("log", all_args=True)) for m in ("debug", "info", "warning", "warn", "error", "critical", "exception", "log")),
    ("parse", ("xml.sax", "lxml"), _s("xxe")),
    ("feed", ("lxml", "xml.sax"), _s("xxe")),
    *((m, ("asyncpg", "databases", "aiosqlite", "aiomysql", "aiopg"), _s("sql", kw=("query",))) for m in (
        "fetch", "fetchrow", "fetchval", "fetch_all", "fetch_one", "fetch_val", "execute", "executemany")),
]
TYPED_METHOD_SINKS: dict[str, list[tuple[tuple[str, ...], Sink]]] = {}
for _method, _prefixes, _sink in _TYPED:
    TYPED_METHOD_SINKS.setdefault(_method, []).append((_prefixes, _sink))
# Loggers named conventionally, for receivers we cannot resolve (`self.logger.info(...)`).
LOGGER_NAMES = frozenset({"logger", "log", "_logger", "_log", "LOGGER", "LOG", "logging"})
LOG_METHODS = frozenset({"debug", "info", "warning", "warn", "error", "critical", "exception", "fatal"})

# --- sanitisers ---------------------------------------------------------------------------

SANITIZERS: dict[str, frozenset[str]] = {
    **{name: ALL for name in (
        "int", "float", "bool", "complex", "len", "abs", "round", "ord", "hash", "id", "uuid.UUID",
        "decimal.Decimal", "datetime.date", "datetime.datetime", "datetime.date.fromisoformat",
        "datetime.datetime.fromisoformat", "datetime.datetime.strptime", "ipaddress.ip_address",
        "ipaddress.IPv4Address", "ipaddress.IPv6Address", "hashlib.sha256", "hashlib.md5", "hashlib.sha1",
        "isinstance", "callable", "secrets.compare_digest", "hmac.compare_digest", "math.floor", "math.ceil",
        "os.path.exists", "os.path.isfile", "os.path.isdir", "type", "django.utils.crypto.constant_time_compare",
        "flask.url_for", "django.urls.reverse", "django.shortcuts.resolve_url", "sum", "any", "all",
    )},
    **{name: frozenset({"xss"}) for name in (
        "html.escape", "markupsafe.escape", "flask.escape", "jinja2.escape", "cgi.escape", "bleach.clean",
        "django.utils.html.escape", "django.utils.html.conditional_escape", "django.utils.html.strip_tags",
        "xml.sax.saxutils.escape", "werkzeug.utils.escape", "markupsafe.Markup.escape", "nh3.clean",
        "django.utils.html.escapejs", "django.utils.html.json_script", "django.utils.html.urlize",
    )},
    "json.dumps": frozenset({"log", "header"}),
    "repr": frozenset({"log", "header"}),
    "shlex.quote": frozenset({"command"}), "pipes.quote": frozenset({"command"}),
    "shlex.join": frozenset({"command"}),
    "os.path.basename": frozenset({"path"}), "werkzeug.utils.secure_filename": ALL,
    "werkzeug.secure_filename": ALL, "django.utils.text.slugify": ALL, "django.utils.text.get_valid_filename": frozenset({"path"}),
    "re.escape": frozenset({"regex"}),
    "ldap3.utils.conv.escape_filter_chars": frozenset({"ldap"}), "ldap.filter.escape_filter_chars": frozenset({"ldap"}),
    "ldap.filter.filter_format": frozenset({"ldap"}), "ldap.dn.escape_dn_chars": frozenset({"ldap"}),
    "ldap3.utils.dn.escape_rdn": frozenset({"ldap"}),
    "psycopg2.sql.Identifier": frozenset({"sql"}), "psycopg2.sql.Literal": frozenset({"sql"}),
    "psycopg.sql.Identifier": frozenset({"sql"}), "psycopg.sql.Literal": frozenset({"sql"}),
    "urllib.parse.quote": frozenset({"xss", "header", "log", "command", "sql", "ldap", "xpath", "path", "redirect", "ssrf"}),
    "urllib.parse.quote_plus": frozenset({"xss", "header", "log", "command", "sql", "ldap", "xpath", "path", "redirect", "ssrf"}),
    "urllib.parse.urlencode": frozenset({"xss", "header", "log", "command", "redirect", "ssrf"}),
    "defusedxml.ElementTree.fromstring": ALL, "defusedxml.lxml.fromstring": ALL, "defusedxml.minidom.parseString": ALL,
    "defusedxml.ElementTree.parse": ALL,
    "yaml.safe_load": frozenset({"deserialization"}),
    "json.loads": frozenset({"deserialization"}),
    "django.utils.http.urlencode": frozenset({"xss", "header", "log", "redirect"}),
    "django.utils.html.format_html": frozenset({"xss"}),
    "django.utils.html.format_html_join": frozenset({"xss"}),
    # Formatters whose result is a date or a number: whatever the input was, the output has only the
    # formatter's own characters, and no decoder turns it back into the input. (Reversible
    # encodings such as base64 or hex are not sanitisers: `b64decode(b64encode(x))` is `x` again.)
    **{name: ALL for name in (
        "django.utils.http.http_date", "django.utils.http.cookie_date", "werkzeug.http.http_date",
        "werkzeug.http.cookie_date", "werkzeug.http.dump_age", "email.utils.formatdate",
        "email.utils.format_datetime", "wsgiref.handlers.format_date_time", "time.mktime",
        "calendar.timegm", "django.utils.dateformat.format",
    )},
    **{name: frozenset({"header", "log"}) for name in (
        "django.utils.encoding.iri_to_uri", "django.utils.encoding.escape_uri_path", "werkzeug.urls.iri_to_uri",
    )},
}
# Methods of str/bytes that remove every dangerous character or produce a safe value.
CLEAN_METHODS = frozenset({
    "isdigit", "isalnum", "isalpha", "isnumeric", "isdecimal", "isidentifier", "startswith", "endswith",
    "count", "find", "index", "rfind", "rindex", "isupper", "islower", "isspace", "__len__", "exists",
    "is_file", "is_dir", "has_key", "__contains__", "is_valid", "is_relative_to",
    # numbers, hex digests and ISO dates, whatever the receiver held
    "hexdigest", "isoformat", "timestamp", "toordinal", "total_seconds", "bit_length", "weekday", "isoweekday",
})
# Methods of str/bytes and containers that pass taint from the receiver and their arguments.
PROPAGATING_METHODS = frozenset({
    "format", "format_map", "join", "replace", "strip", "lstrip", "rstrip", "lower", "upper", "title",
    "capitalize", "casefold", "swapcase", "center", "ljust", "rjust", "zfill", "encode", "decode",
    "split", "rsplit", "splitlines", "partition", "rpartition", "expandtabs", "removeprefix",
    "removesuffix", "translate", "get", "getlist", "pop", "copy", "items", "values", "keys", "dict",
    "to_dict", "lists", "popitem", "setdefault", "getone", "getall", "get_all", "__getitem__",
    "read", "readline", "readlines", "hex", "tobytes", "tolist", "urlencode",
})
# Calls that build a value from their arguments (conversions, decoders, joins).
PROPAGATING_FUNCTIONS_TOP = frozenset({
    "str", "bytes", "bytearray", "list", "tuple", "set", "frozenset", "dict", "sorted", "reversed",
    "iter", "next", "map", "filter", "zip", "enumerate", "min", "max", "format", "getattr", "memoryview",
    "chr",
})
SUBPROCESS_NAMES = frozenset({
    "subprocess.run", "subprocess.call", "subprocess.Popen", "subprocess.check_output", "subprocess.check_call",
    "asyncio.create_subprocess_exec", "asyncio.create_subprocess_shell",
})
NEWLINE_KINDS_CLEARED = frozenset({"log", "header"})
EXEC_L = frozenset({"os.execl", "os.execlp", "os.execle", "os.execlpe", "os.spawnl", "os.spawnlp", "os.spawnle", "os.spawnlpe"})
# Django path converters -> kinds their values are safe for.
DJANGO_CONVERTERS = {"int": ALL, "slug": ALL, "uuid": ALL, "str": frozenset({"path"})}
DJANGO_ROUTES = frozenset({"django.urls.path", "django.urls.re_path", "django.conf.urls.url"})
# Request attributes naming this request's own URL: redirecting to them stays on the site.
# Attributes that hold a number on every object that has them (a process's exit status and id, an
# HTTP response's status): reading one yields no untrusted text, whatever the object was built from.
NUMERIC_ATTRIBUTES = frozenset({"returncode", "status_code", "pid"})

SAME_ORIGIN = frozenset({"path", "full_path", "path_info", "url", "base_url", "url_root", "host_url", "script_root", "host"})
