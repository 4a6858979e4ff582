"""The taint rules: one per sink kind, under the codes fixed for the taint analysis."""

from __future__ import annotations

from dataclasses import dataclass

from bastion.model import RuleInfo
from bastion.rules.registry import declare


@dataclass(frozen=True, slots=True)
class Kind:
    kind: str
    code: str
    name: str
    title: str
    cwe: int
    owasp: str
    severity: str
    confidence: str
    sinks: str
    harm: str
    example: str
    instead: str
    references: tuple[str, ...] = ()


KINDS = (
    Kind("code", "BST250", "code-injection", "Code injection", 95, "A03", "critical", "high",
         "`eval`, `exec` and `compile`",
         "Whoever controls the string runs arbitrary Python in the server process, with all of its privileges.",
         'expression = request.args["expr"]\nresult = eval(expression)',
         'import ast\n\nresult = ast.literal_eval(request.args["expr"])  # literals only',
         ("https://cwe.mitre.org/data/definitions/95.html", "https://owasp.org/Top10/A03_2021-Injection/")),
    Kind("command", "BST251", "command-injection", "OS command injection", 78, "A03", "critical", "high",
         "`os.system`, `os.popen`, `subprocess` with `shell=True` or a tainted program, `os.exec*`/`os.spawn*`",
         "Shell metacharacters (`;`, `|`, `$( )`) in the value start further commands of the attacker's choice.",
         'host = request.args["host"]\nos.system("ping -c 1 " + host)',
         'host = request.args["host"]\nsubprocess.run(["ping", "-c", "1", host], check=True)  # no shell\n# or, when a shell is unavoidable: shlex.quote(host)',
         ("https://cwe.mitre.org/data/definitions/78.html",)),
    Kind("path", "BST252", "path-traversal", "Path traversal", 22, "A01", "high", "high",
         "`open`, `io.open`, `codecs.open`, `os.*` file functions, `shutil`, `pathlib.Path` I/O methods, `send_file`, `FileResponse`",
         "`../` sequences or absolute paths let the caller read or overwrite any file the process can reach.",
         'name = request.args["name"]\nreturn open(os.path.join(UPLOADS, name)).read()',
         'name = secure_filename(request.args["name"])\npath = os.path.realpath(os.path.join(UPLOADS, name))\nif not path.startswith(UPLOADS + os.sep):\n    abort(400)\nreturn open(path).read()',
         ("https://cwe.mitre.org/data/definitions/22.html",)),
    Kind("xss", "BST253", "xss", "Cross-site scripting", 79, "A03", "high", "high",
         "HTML responses built from strings (`return` of a Flask view, `make_response`, `HttpResponse`, `HTMLResponse`), `Markup`, `mark_safe`, Jinja2 templates without autoescaping",
         "Markup in the value runs as script in the victim's browser, in the site's origin: sessions, tokens and actions are the attacker's.",
         'name = request.args.get("name", "")\nreturn f"<h1>Hello {name}</h1>"',
         'from markupsafe import escape\n\nname = request.args.get("name", "")\nreturn f"<h1>Hello {escape(name)}</h1>"  # or render_template with autoescaping',
         ("https://cwe.mitre.org/data/definitions/79.html",)),
    Kind("ssrf", "BST254", "ssrf", "Server-side request forgery", 918, "A10", "high", "high",
         "`requests`, `httpx`, `urllib.request`, `urllib3`, `aiohttp` clients and `http.client` connections",
         "The server fetches any URL the caller names: cloud metadata endpoints, internal admin services, files.",
         'url = request.args["url"]\nreturn requests.get(url).text',
         'url = request.args["url"]\nif urlparse(url).hostname not in ALLOWED_HOSTS:\n    abort(400)\nreturn requests.get(url, timeout=5).text',
         ("https://cwe.mitre.org/data/definitions/918.html", "https://owasp.org/Top10/A10_2021-Server-Side_Request_Forgery_%28SSRF%29/")),
    Kind("redirect", "BST255", "open-redirect", "Open redirect", 601, "A01", "medium", "high",
         "`redirect` (Flask, Django), `HttpResponseRedirect`, `RedirectResponse`, aiohttp `HTTPFound`",
         "A link on the trusted domain sends users to a phishing site of the attacker's choice.",
         'return redirect(request.args["next"])',
         'target = request.args.get("next", "/")\nif not url_has_allowed_host_and_scheme(target, allowed_hosts={request.host}):\n    target = "/"\nreturn redirect(target)',
         ("https://cwe.mitre.org/data/definitions/601.html",)),
    Kind("ldap", "BST256", "ldap-injection", "LDAP injection", 90, "A03", "high", "high",
         "ldap3 `Connection.search` and python-ldap `search*` filters and bases",
         "Filter metacharacters (`*`, `(`, `)`, `|`) change which directory entries match, bypassing login checks or dumping the directory.",
         'conn.search("dc=example,dc=com", f"(uid={request.args[\'user\']})")',
         'from ldap3.utils.conv import escape_filter_chars\n\nuser = escape_filter_chars(request.args["user"])\nconn.search("dc=example,dc=com", f"(uid={user})")',
         ("https://cwe.mitre.org/data/definitions/90.html",)),
    Kind("xpath", "BST257", "xpath-injection", "XPath injection", 643, "A03", "high", "high",
         "lxml `xpath()`, `XPath()`, ElementTree `find`/`findall`/`findtext`/`iterfind`",
         "Quotes and operators in the value rewrite the query, returning nodes the caller must not see.",
         'root.xpath(f"//user[name=\'{request.args[\'name\']}\']")',
         'root.xpath("//user[name=$name]", name=request.args["name"])  # XPath variables',
         ("https://cwe.mitre.org/data/definitions/643.html",)),
    Kind("xxe", "BST258", "xxe", "XML external entity expansion", 611, "A05", "high", "high",
         "lxml `fromstring`/`XML`/`parse` with the default (entity-resolving) parser; `xml.sax` with external general entities enabled",
         "Entities in an attacker's document read local files, reach internal URLs or exhaust memory.",
         'doc = lxml.etree.fromstring(request.data)',
         'import defusedxml.ElementTree as ET\n\ndoc = ET.fromstring(request.data)\n# or lxml.etree.XMLParser(resolve_entities=False, no_network=True)',
         ("https://cwe.mitre.org/data/definitions/611.html",)),
    Kind("deserialization", "BST259", "tainted-deserialization", "Deserialisation of untrusted data", 502, "A08", "critical", "high",
         "`pickle`, `dill`, `marshal`, `shelve`, `jsonpickle`, `yaml.load` without a safe loader, `pandas.read_pickle`, `torch.load`",
         "Unpickling runs code chosen by whoever wrote the bytes.",
         'obj = pickle.loads(base64.b64decode(request.cookies["state"]))',
         'obj = json.loads(request.cookies["state"])  # data only, no code',
         ("https://cwe.mitre.org/data/definitions/502.html",)),
    Kind("trust", "BST260", "trust-boundary-violation", "Trust boundary violation", 501, "A04", "medium", "medium",
         "the Flask `session` and Django `request.session` (item assignment, `update`, `setdefault`)",
         "Code that reads the session later trusts what it finds there; untrusted input stored in it crosses that boundary unchecked.",
         'session["role"] = request.args["role"]',
         'role = request.args["role"]\nif role not in {"reader", "editor"}:\n    abort(400)\nsession["role"] = role',
         ("https://cwe.mitre.org/data/definitions/501.html",)),
    Kind("header", "BST261", "header-injection", "HTTP header injection", 113, "A03", "medium", "medium",
         "response header assignment (`response.headers[...] =`, `headers.add/set`, Django `response[...] =`)",
         "CR/LF in the value splits the response, adding headers or a body of the attacker's choice (older servers, proxies).",
         'resp.headers["X-Name"] = request.args["name"]',
         'name = request.args["name"].replace("\\r", "").replace("\\n", "")\nresp.headers["X-Name"] = name',
         ("https://cwe.mitre.org/data/definitions/113.html",)),
    Kind("regex", "BST262", "regex-injection", "Regular expression injection", 730, "A03", "medium", "high",
         "the pattern argument of `re` functions",
         "A crafted pattern backtracks catastrophically (ReDoS) or matches more than intended.",
         're.search(request.args["q"], text)',
         're.search(re.escape(request.args["q"]), text)',
         ("https://cwe.mitre.org/data/definitions/730.html",)),
    Kind("template", "BST263", "template-injection", "Server-side template injection", 1336, "A03", "critical", "high",
         "`render_template_string`, `jinja2.Template`, `Environment.from_string`, Django and Mako `Template` sources",
         "Template syntax in the value is evaluated on the server: `{{ ''.__class__.__mro__ }}` leads to code execution.",
         'return render_template_string("<p>" + request.args["name"] + "</p>")',
         'return render_template_string("<p>{{ name }}</p>", name=request.args["name"])',
         ("https://cwe.mitre.org/data/definitions/1336.html",)),
    Kind("nosql", "BST264", "nosql-injection", "NoSQL injection", 943, "A03", "high", "high",
         "pymongo/motor collection queries (`find`, `update_*`, `delete_*`, `aggregate`): whole filters, `$where` and operator values from JSON",
         "A filter taken from the request can carry operators (`$ne`, `$where`) that match every document or run JavaScript.",
         'users.find_one(request.get_json())',
         'data = request.get_json()\nusers.find_one({"name": str(data["name"])})',
         ("https://cwe.mitre.org/data/definitions/943.html",)),
    Kind("sql", "BST550", "sql-injection", "SQL injection", 89, "A03", "critical", "high",
         "`execute`/`executemany`/`executescript` of DB-API cursors and connections, Django `raw`/`extra`/`RawSQL`, SQLAlchemy `text`, `pandas.read_sql`",
         "Quotes in the value end the literal and the rest runs as SQL: data is read, changed or deleted at will.",
         'cur.execute(f"SELECT * FROM users WHERE name = \'{request.args[\'name\']}\'")',
         'cur.execute("SELECT * FROM users WHERE name = %s", (request.args["name"],))  # bound parameter',
         ("https://cwe.mitre.org/data/definitions/89.html",)),
    Kind("log", "BST750", "log-injection", "Log injection", 117, "A09", "low", "medium",
         "`logging` functions and loggers (message and arguments)",
         "Newlines in the value forge log entries, hiding an attack or framing someone else.",
         'logger.info("login failed for %s", request.form["user"])',
         'user = request.form["user"].replace("\\r", "").replace("\\n", "")\nlogger.info("login failed for %r", user)',
         ("https://cwe.mitre.org/data/definitions/117.html",)),
)

_LIMITATIONS = """\
Bastion follows data through assignments, containers, string operations and calls to functions of
the scanned project (summaries propagated over the call graph). It does not follow values through
class attributes shared between unrelated objects, dynamic dispatch it cannot resolve, `getattr`
with computed names, or data stored in databases and read back. Calls to unknown libraries pass taint
from their arguments to their result."""


def _doc(kind: Kind) -> str:
    refs = "\n".join(f"- {ref}" for ref in kind.references)
    return f"""
## What it does
Follows untrusted data (request parameters, bodies, headers, cookies and route parameters of
Flask, Django, Django REST framework, FastAPI/Starlette and aiohttp; `sys.argv`, `input()` and
stdin at lower confidence; the environment only with `environment-sources = true`, as it is set by
the operator, not the attacker) through the program and reports where it reaches {kind.sinks}
without a sanitiser that makes it safe for that use. The finding's trace shows the source, each
call it crossed and the sink.

## Why is this bad?
{kind.harm}

## Example
```python
{kind.example}
```

## Use instead
```python
{kind.instead}
```

## References
{refs}

## Known limitations
{_LIMITATIONS}
"""


RULES: dict[str, RuleInfo] = {
    kind.kind: declare(
        kind.code, kind.name, summary=f"{kind.title}: untrusted input reaches a dangerous sink",
        doc=_doc(kind), severity=kind.severity, confidence=kind.confidence, cwe=kind.cwe, owasp=kind.owasp,
    )
    for kind in KINDS
}
_TITLES = {kind.kind: kind.title for kind in KINDS}


def describe(kind: str) -> str:
    return _TITLES[kind]
