"""XML parsed with parsers that expand entities or fetch external resources; defusedxml as the fix."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from bastion.engine.astutil import argument, is_literal, keyword
from bastion.engine.context import Context
from bastion.fix import edits
from bastion.model import Confidence, Finding, Severity
from bastion.rules.registry import rule

# stdlib parser function -> its defusedxml drop-in module
_ETREE = ("xml.etree.ElementTree", "xml.etree.cElementTree")
STDLIB_PARSERS: dict[str, str] = {
    **{f"{m}.{f}": "defusedxml.ElementTree" for m in _ETREE for f in ("parse", "iterparse", "fromstring", "XML", "XMLParser", "fromstringlist", "XMLPullParser")},
    **{f"xml.dom.minidom.{f}": "defusedxml.minidom" for f in ("parse", "parseString")},
    **{f"xml.dom.pulldom.{f}": "defusedxml.pulldom" for f in ("parse", "parseString")},
    **{f"xml.sax.{f}": "defusedxml.sax" for f in ("parse", "parseString", "make_parser")},
    **{f"xml.dom.expatbuilder.{f}": "defusedxml.expatbuilder" for f in ("parse", "parseString")},
    "xml.parsers.expat.ParserCreate": "defusedxml.expatreader",
    "xml.sax.expatreader.create_parser": "defusedxml.expatreader",
}
# defusedxml has no drop-in for these
_NO_DROP_IN = frozenset({"xml.etree.ElementTree.XMLPullParser", "xml.etree.cElementTree.XMLPullParser", "xml.parsers.expat.ParserCreate"})
# Functions whose second parameter is the parser to use.
_PARSER_SECOND = frozenset(
    {"xml.dom.minidom.parse", "xml.dom.minidom.parseString", "xml.dom.pulldom.parse", "xml.dom.pulldom.parseString"}
    | {f"{m}.parse" for m in _ETREE}
)
LXML_PARSE = frozenset(f"lxml.etree.{f}" for f in ("parse", "fromstring", "XML", "iterparse", "fromstringlist"))
XMLRPC = frozenset(
    {
        "xmlrpc.client.ServerProxy",
        "xmlrpc.server.SimpleXMLRPCServer",
        "xmlrpc.server.DocXMLRPCServer",
        "xmlrpc.server.CGIXMLRPCRequestHandler",
        "xmlrpclib.ServerProxy",
        "SimpleXMLRPCServer.SimpleXMLRPCServer",
    }
)


def _parses_literal(ctx: Context, call: ast.Call, name: str) -> bool:
    """The document itself is a literal in the code (a literal given to `parse` is a file name)."""
    if not name.endswith(("fromstring", "XML", "parseString", "fromstringlist")):
        return False
    data = argument(call, 0)
    return data is not None and (is_literal(data) and isinstance(ctx.constant(data), (str, bytes)))


def _hardened_in_scope(ctx: Context) -> bool:
    from bastion.rules import _local_flow

    return any(
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "setFeature"
        and external_feature(ctx, node) is False
        for node in _local_flow.scope_nodes(ctx)
    )


def _defused_fix(ctx: Context, call: ast.Call, name: str):
    if name in _NO_DROP_IN:
        return None
    module = STDLIB_PARSERS[name]
    function = name.rsplit(".", 1)[1]
    return edits.fix(
        f"parse with {module}.{function}",
        edits.replace(ctx.source, call.func, f"{module}.{function}"),
        edits.ensure_import(ctx.source, module),
    )


@rule(
    "BST215",
    "xml-stdlib-parser",
    summary="XML parsed with a standard-library parser instead of defusedxml",
    calls=frozenset(STDLIB_PARSERS),
    severity="medium",
    confidence="medium",
    cwe=611,  # the XML-attack family; the taint analysis's XXE finding (BST258) replaces this one at the same call
    owasp="A05",
    fixable=True,
)
def xml_stdlib_parser(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags parsing with `xml.etree.ElementTree`, `xml.dom.minidom`, `xml.dom.pulldom`, `xml.sax`,
    `xml.dom.expatbuilder` and `xml.parsers.expat`, unless the document is a literal in the code.
    The fix swaps the call for its `defusedxml` drop-in.

    ## Why is this bad?
    The standard-library parsers expand entity definitions: a few hundred bytes of nested entities
    ("billion laughs") or a quadratic blow-up exhaust memory and CPU. `minidom`/`sax` can also be
    configured to fetch external entities. Hostile XML needs a parser that refuses entity
    declarations.

    ## Example
    ```python
    import xml.etree.ElementTree as ET
    tree = ET.fromstring(request.data)
    ```

    ## Use instead
    ```python
    import defusedxml.ElementTree
    tree = defusedxml.ElementTree.fromstring(request.data)
    ```

    ## References
    - https://docs.python.org/3/library/xml.html#xml-vulnerabilities
    - https://pypi.org/project/defusedxml/
    - https://cwe.mitre.org/data/definitions/776.html

    ## Known limitations
    Recent expat releases limit entity amplification; the finding still stands for older builds and
    for `sax`/`minidom` configured with external entities. Test files are not reported (they parse
    their own fixtures). XML from untrusted sources reaching a parser
    is reported with its trace by BST258.
    """
    name = ctx.call_name(call) or ""
    if ctx.is_test_file or name not in STDLIB_PARSERS or _parses_literal(ctx, call, name):
        return
    if name == "xml.sax.make_parser" and _hardened_in_scope(ctx):
        return  # external entities explicitly turned off for this parser
    if name in _PARSER_SECOND and argument(call, 1, "parser") is not None:
        return  # a parser chosen by the caller (defusedxml's, or one reported where it is created)
    yield ctx.finding(
        call,
        f"`{name}` expands XML entities; parse untrusted XML with `{STDLIB_PARSERS[name]}`",
        fix=_defused_fix(ctx, call, name),
    )


_LXML_UNSAFE = {"resolve_entities": True, "no_network": False, "huge_tree": True, "load_dtd": True, "dtd_validation": True}


@rule(
    "BST216",
    "lxml-unsafe-parser",
    summary="lxml parser that resolves entities, loads DTDs or uses the network",
    calls=LXML_PARSE | {"lxml.etree.XMLParser", "lxml.etree.XSLT", "lxml.objectify.makeparser"},
    severity="high",
    confidence="high",
    cwe=611,
    owasp="A05",
)
def lxml_unsafe_parser(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags `lxml.etree.XMLParser(...)` created with `resolve_entities=True`, `no_network=False`,
    `load_dtd=True`, `dtd_validation=True` or `huge_tree=True`, and (at low severity) `lxml.etree.parse`/
    `fromstring`/`XML` on non-literal data with lxml's default parser.

    ## Why is this bad?
    Resolving external entities lets a document read local files (`<!ENTITY x SYSTEM
    "file:///etc/passwd">`) and reach internal hosts (XXE, SSRF). `huge_tree` removes the limits that
    stop entity expansion attacks. lxml's default parser resolves internal entities and, before lxml
    5, external ones too.

    ## Example
    ```python
    parser = etree.XMLParser(resolve_entities=True)
    tree = etree.fromstring(body, parser)
    ```

    ## Use instead
    ```python
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    tree = etree.fromstring(body, parser)
    ```

    ## References
    - https://lxml.de/FAQ.html#how-do-i-use-lxml-safely-as-a-web-service-endpoint
    - https://cheatsheetseries.owasp.org/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html
    - https://cwe.mitre.org/data/definitions/611.html
    """
    name = ctx.call_name(call) or ""
    if name in {"lxml.etree.XMLParser", "lxml.objectify.makeparser"}:
        unsafe = [key for key, bad in _LXML_UNSAFE.items() if ctx.constant(keyword(call, key)) is bad]
        if unsafe:
            yield ctx.finding(call, f"lxml parser created with {', '.join(f'{k}={_LXML_UNSAFE[k]}' for k in unsafe)}")
        return
    if name == "lxml.etree.XSLT" or ctx.is_test_file:
        return
    if argument(call, 1, "parser") is not None or _parses_literal(ctx, call, name):
        return
    yield ctx.finding(
        call,
        f"`{name}` uses lxml's default parser, which resolves entities; pass a parser with resolve_entities=False",
        severity=Severity.LOW,
        confidence=Confidence.LOW,
    )


def _monkey_patched(ctx: Context) -> bool:
    return "defusedxml.xmlrpc" in ctx.source.text or "monkey_patch" in ctx.source.text


@rule(
    "BST217",
    "xmlrpc-unprotected",
    summary="XML-RPC client or server without defusedxml's protection",
    calls=XMLRPC,
    severity="medium",
    confidence="medium",
    cwe=776,
    owasp="A05",
)
def xmlrpc_unprotected(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags `xmlrpc.client.ServerProxy` and `xmlrpc.server` servers in files that do not call
    `defusedxml.xmlrpc.monkey_patch()`.

    ## Why is this bad?
    XML-RPC parses the peer's XML with expat, without limits on decompression (gzip bombs) or entity
    expansion; a server or client talking to a hostile peer can be made to exhaust memory.

    ## Example
    ```python
    server = SimpleXMLRPCServer(("localhost", 8000))
    ```

    ## Use instead
    ```python
    from defusedxml.xmlrpc import monkey_patch
    monkey_patch()
    server = SimpleXMLRPCServer(("localhost", 8000))
    ```

    ## References
    - https://docs.python.org/3/library/xmlrpc.html
    - https://pypi.org/project/defusedxml/
    - https://cwe.mitre.org/data/definitions/776.html

    ## Known limitations
    A `monkey_patch()` call in another module (at start-up) is not seen.
    """
    if _monkey_patched(ctx):
        return
    name = ctx.call_name(call) or ""
    yield ctx.finding(call, f"`{name}` parses peer XML without defusedxml's limits")


EXTERNAL_FEATURES = frozenset(
    {
        "xml.sax.handler.feature_external_ges",
        "xml.sax.handler.feature_external_pes",
        "xml.sax.feature_external_ges",
        "xml.sax.feature_external_pes",
    }
)
_FEATURE_URIS = frozenset(
    {"http://xml.org/sax/features/external-general-entities", "http://xml.org/sax/features/external-parameter-entities"}
)


def external_feature(ctx: Context, call: ast.Call) -> bool | None:
    """For `parser.setFeature(<external entities>, value)`: the value set; None for other calls."""
    if len(call.args) != 2:
        return None
    feature = call.args[0]
    if ctx.qualname(feature) not in EXTERNAL_FEATURES and ctx.constant(feature) not in _FEATURE_URIS:
        return None
    value = ctx.constant(call.args[1])
    return bool(value) if value is not ... else True


@rule(
    "BST240",
    "xml-external-entities-enabled",
    summary="SAX parser told to resolve external entities (XXE)",
    attrs={"setFeature"},
    severity="high",
    confidence="high",
    cwe=611,
    owasp="A05",
)
def xml_external_entities_enabled(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags `parser.setFeature(feature_external_ges, True)` and `feature_external_pes` (and their URI
    spellings) on `xml.sax` parsers, including those handed to `minidom`/`pulldom`.

    ## Why is this bad?
    With external entities enabled, a document can declare `<!ENTITY x SYSTEM "file:///etc/passwd">`
    and have the parser read local files or fetch URLs from inside your network (XML external
    entity injection, server-side request forgery).

    ## Example
    ```python
    parser = xml.sax.make_parser()
    parser.setFeature(xml.sax.handler.feature_external_ges, True)
    parser.parse(upload)
    ```

    ## Use instead
    Leave the feature off (the default), or parse with `defusedxml.sax`.
    ```python
    parser = defusedxml.sax.make_parser()
    parser.parse(upload)
    ```

    ## References
    - https://docs.python.org/3/library/xml.sax.handler.html#xml.sax.handler.feature_external_ges
    - https://cheatsheetseries.owasp.org/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html
    - https://cwe.mitre.org/data/definitions/611.html
    """
    if external_feature(ctx, call):
        yield ctx.finding(call, "the SAX parser resolves external entities: documents can read files and reach internal hosts")
