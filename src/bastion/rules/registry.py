"""The rule registry: rules declare themselves with `@rule(...)`; nothing lists them centrally.

A pattern rule is a check function that receives the AST nodes it asked for and yields findings.
Rules found by project-wide analyses (taint, routes, dependencies, secrets, the interpreter check)
have no node check; they register their `RuleInfo` with `declare(...)` so that `bastion rules`,
`bastion explain`, configuration and reports know them all the same.

A rule's documentation is its check function's docstring (or `declare`'s `doc`), in one fixed shape::

    ## What it does
    ## Why is this bad?
    ## Example
    ## Use instead
    ## References
    ## Known limitations
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bastion.model import Confidence, Docs, Finding, RuleInfo, Severity

if TYPE_CHECKING:
    from bastion.engine.context import Context

Check = Callable[[Any, "Context"], Iterable[Finding] | None]

# Packages whose `rules` module declares the rules of a project-wide analysis.
ANALYSIS_PACKAGES = (
    "bastion.taint",
    "bastion.routes",
    "bastion.deps",
    "bastion.interpreter",
    "bastion.secrets",
)


@dataclass(frozen=True, slots=True, eq=False)
class Rule:
    """A rule and what it wants to see.

    `calls` narrows an `ast.Call` rule to calls of these resolved qualified names (`"os.system"`, or a
    prefix pattern such as `"subprocess.*"`); `attrs` narrows it to calls whose callee is spelled with
    this final name (`.execute(...)`, `set_cookie(...)`), for receivers whose type cannot be resolved,
    and `ast.Name`/`ast.Attribute` rules to names spelled so (`CERT_NONE`, `MODE_ECB`);
    `keywords` narrows it to calls passing one of these keyword arguments (`shell=`, `host=`).
    A rule given none of these sees every node of its types. Narrowing keeps the single walk fast:
    the engine resolves each call once and hands it only to the rules that asked for that name.

    `requires` is a prefilter on the whole file: the rule runs only on files whose lower-cased text
    contains one of these strings (`"grant"`, `"passw"`), as Semgrep prefilters its patterns. It
    must be a necessary condition for a finding, never a heuristic.
    """

    info: RuleInfo
    nodes: tuple[type[ast.AST], ...] = ()
    check: Check | None = None
    calls: frozenset[str] = frozenset()
    attrs: frozenset[str] = frozenset()
    keywords: frozenset[str] = frozenset()
    requires: tuple[str, ...] = ()


_RULES: dict[str, Rule] = {}
_BY_NAME: dict[str, str] = {}
_DECLARED_IN: dict[str, set[str]] = {}  # module -> codes it declared
_loaded = False

_SECTION_KEYS = {
    "what it does": "what",
    "why is this bad?": "why",
    "why is this bad": "why",
    "example": "example",
    "use instead": "instead",
    "references": "references",
    "known limitations": "limitations",
}
_HEADING = re.compile(r"^##\s+(.+?)\s*$", re.MULTILINE)


def parse_docs(text: str, code: str) -> Docs:
    text = inspect.cleandoc(text or "")
    parts = _HEADING.split(text)
    sections: dict[str, str] = {}
    for heading, body in zip(parts[1::2], parts[2::2], strict=True):
        key = _SECTION_KEYS.get(heading.lower())
        if key is None:
            raise ValueError(f"{code}: unknown documentation section {heading!r}")
        sections[key] = body.strip()
    if not sections.get("what") or not sections.get("why"):
        raise ValueError(f"{code}: documentation needs 'What it does' and 'Why is this bad?'")
    references = tuple(
        line.lstrip("-* ").strip() for line in sections.pop("references", "").splitlines() if line.strip()
    )
    return Docs(references=references, **sections)


def _info(code: str, name: str, summary: str, doc: str, **attributes: Any) -> RuleInfo:
    for key in ("severity", "confidence"):
        value = attributes.get(key)
        if isinstance(value, str):
            attributes[key] = (Severity if key == "severity" else Confidence).parse(value)
    return RuleInfo(code=code, name=name, summary=summary, docs=parse_docs(doc, code), **attributes)


def _add(entry: Rule) -> None:
    code, name = entry.info.code, entry.info.name
    if code in _RULES and _RULES[code].info != entry.info:
        raise ValueError(f"rule code {code} declared twice")
    if _BY_NAME.get(name, code) != code:
        raise ValueError(f"rule name {name} declared twice")
    _RULES[code] = entry
    _BY_NAME[name] = code


def rule(
    code: str,
    name: str,
    *,
    summary: str,
    nodes: tuple[type[ast.AST], ...] = (ast.Call,),
    severity: Severity | str,
    confidence: Confidence | str,
    cwe: int | None = None,
    owasp: str | None = None,
    fixable: bool = False,
    default_enabled: bool = True,
    calls: Iterable[str] = (),
    attrs: Iterable[str] = (),
    keywords: Iterable[str] = (),
    requires: Iterable[str] = (),
) -> Callable[[Check], Check]:
    """Declare a pattern rule; the decorated function is its check and its docstring its docs."""

    def register(check: Check) -> Check:
        info = _info(
            code,
            name,
            summary,
            check.__doc__ or "",
            severity=severity,
            confidence=confidence,
            cwe=cwe,
            owasp=owasp,
            fixable=fixable,
            default_enabled=default_enabled,
        )
        hints = tuple(hint.lower() for hint in requires)
        _add(Rule(info, nodes, check, frozenset(calls), frozenset(attrs), frozenset(keywords), hints))
        check.info = info  # type: ignore[attr-defined]
        return check

    return register


def declare(
    code: str,
    name: str,
    *,
    summary: str,
    doc: str,
    severity: Severity | str,
    confidence: Confidence | str,
    cwe: int | None = None,
    owasp: str | None = None,
    fixable: bool = False,
    default_enabled: bool = True,
) -> RuleInfo:
    """Declare a rule reported by a project-wide analysis rather than a node check."""
    info = _info(
        code,
        name,
        summary,
        doc,
        severity=severity,
        confidence=confidence,
        cwe=cwe,
        owasp=owasp,
        fixable=fixable,
        default_enabled=default_enabled,
    )
    _add(Rule(info))
    origin = sys._getframe(1).f_globals.get("__name__", "")  # the declaring module, e.g. `bastion.taint.rules`
    _DECLARED_IN.setdefault(origin, set()).add(code)
    return info


def declared_in(module: str) -> frozenset[str]:
    """The codes of the rules that `module` declares (with `declare`): the rules its analysis reports."""
    importlib.import_module(module)
    return frozenset(_DECLARED_IN.get(module, ()))


def load_all() -> None:
    global _loaded
    if _loaded:
        return
    import bastion.rules as package

    for module in pkgutil.iter_modules(package.__path__):
        if module.name not in {"registry"} and not module.name.startswith("_"):
            importlib.import_module(f"bastion.rules.{module.name}")
    for name in ANALYSIS_PACKAGES:
        try:
            importlib.import_module(f"{name}.rules")
        except ModuleNotFoundError as exc:
            if exc.name not in {name, f"{name}.rules"}:
                raise
    _loaded = True


def all_rules() -> list[Rule]:
    load_all()
    return sorted(_RULES.values(), key=lambda entry: entry.info.code)


def get(code_or_name: str) -> Rule | None:
    load_all()
    key = code_or_name.strip()
    code = key.upper() if key.upper() in _RULES else _BY_NAME.get(key.lower())
    return _RULES.get(code) if code else None


def info(code: str) -> RuleInfo:
    found = get(code)
    if found is None:
        raise KeyError(code)
    return found.info
