"""The single walk over one file's tree, and the small typed context that rules receive.

Each node is dispatched to the rules that asked for its type. Scopes and name bindings are
recorded as the walk goes; function bodies are deferred until the enclosing scope has been walked
(as pyflakes does), so a function sees module-level names bound after it.
"""

from __future__ import annotations

import ast
import fnmatch
import os
from collections.abc import Iterable
from typing import Any, ClassVar

from bastion.engine.astutil import _FIELD_CACHE, child_fields
from bastion.engine.names import NameResolver, Scope
from bastion.model import (
    Confidence,
    Diagnostic,
    DiagnosticKind,
    Finding,
    Fix,
    Location,
    RuleInfo,
    Severity,
    TraceStep,
)
from bastion.rules.registry import Rule
from bastion.source import SourceFile

_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
Name = ast.Name
TEST_FILE_GLOBS = ("test_*.py", "*_test.py", "tests.py", "conftest.py")
TEST_DIRS = frozenset({"tests", "test", "testing"})


def is_test_path(path: str) -> bool:
    parts = path.replace("\\", "/").split("/")
    if any(part in TEST_DIRS for part in parts[:-1]):
        return True
    return any(fnmatch.fnmatchcase(parts[-1], glob) for glob in TEST_FILE_GLOBS)


class Context:
    """What a rule may look at: the file, resolved names, where the node sits, and how to report."""

    def __init__(
        self,
        source: SourceFile,
        module: str,
        *,
        is_package: bool = False,
        options: dict[str, Any] | None = None,
    ) -> None:
        self.source = source
        self.path = source.path
        self.module = module
        self.names = NameResolver(module, is_package)
        self.options = options or {}
        self.is_test_file = is_test_path(source.path)
        self.ancestors: list[ast.AST] = []
        self.functions: list[ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda] = []
        self.classes: list[ast.ClassDef] = []
        self.module_constants: dict[str, ast.expr] = {}
        self.findings: list[Finding] = []
        self.diagnostics: list[Diagnostic] = []
        self._rule: RuleInfo | None = None
        self._named_call: ast.Call | None = None
        self._call_name: str | None = None

    # -- for rules -------------------------------------------------------------------------

    def qualname(self, node: ast.AST | None) -> str | None:
        return self.names.qualname(node)

    def call_name(self, call: ast.Call) -> str | None:
        # Several rules ask about the same call; resolve it once.
        if call is not self._named_call:
            self._named_call = call
            self._call_name = self.names.qualname(call.func)
        return self._call_name

    @property
    def parent(self) -> ast.AST | None:
        return self.ancestors[-1] if self.ancestors else None

    @property
    def function(self) -> ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | None:
        return self.functions[-1] if self.functions else None

    @property
    def class_(self) -> ast.ClassDef | None:
        return self.classes[-1] if self.classes else None

    @property
    def scope_name(self) -> str:
        return self.names.current.name

    def constant(self, node: ast.AST | None) -> Any:
        """The literal value of an expression, following module-level constants; `...` if unknown."""
        from bastion.engine.astutil import literal_value

        if (
            isinstance(node, ast.Name)
            and node.id in self.module_constants
            and (not self.names.is_bound_locally(node.id) or len(self.names.scopes) == 1)
        ):
            return literal_value(self.module_constants[node.id])
        return literal_value(node)

    def finding(
        self,
        node: ast.AST,
        message: str,
        *,
        severity: Severity | None = None,
        confidence: Confidence | None = None,
        fix: Fix | None = None,
        trace: Iterable[TraceStep] = (),
        rule: RuleInfo | None = None,
    ) -> Finding:
        info = rule or self._rule
        if info is None:
            raise RuntimeError("finding() called outside a rule check")
        location = self.location(node)
        return Finding(
            rule=info,
            message=message,
            location=location,
            snippet=self.source.line(location.line).strip()[:240],
            severity=severity,
            confidence=confidence,
            trace=tuple(trace),
            fix=fix,
            context=self.scope_name,
        )

    def location(self, node: ast.AST) -> Location:
        return Location(
            self.path,
            getattr(node, "lineno", 1),
            getattr(node, "col_offset", 0),
            getattr(node, "end_lineno", None),
            getattr(node, "end_col_offset", None),
        )

    # -- the walk --------------------------------------------------------------------------

    def run(self, rules: Iterable[Rule]) -> list[Finding]:
        self._dispatch = Dispatch.for_rules(applicable(rules, self.source.text))
        self._deferred: list[tuple[ast.AST, list[Scope], list[ast.AST], list, list]] = []
        try:
            self._visit(self.source.tree)
            while self._deferred:
                self._run_deferred(self._deferred.pop(0))
        except RecursionError:
            self.diagnostics.append(
                Diagnostic(self.path, DiagnosticKind.TOO_DEEP, "nesting too deep to analyse fully; results are partial")
            )
        return self.findings

    def _check(self, node: ast.AST, rules: list[Rule]) -> None:
        for entry in rules:
            self._rule = entry.info
            try:
                produced = entry.check(node, self)  # type: ignore[misc]
                if produced is not None:
                    self.findings.extend(produced)
            except RecursionError:
                raise
            except Exception as exc:  # a rule bug must not stop the scan
                self.diagnostics.append(
                    Diagnostic(
                        self.path,
                        DiagnosticKind.INTERNAL_ERROR,
                        f"rule {entry.info.code} failed: {type(exc).__name__}: {exc}",
                        line=getattr(node, "lineno", None),
                    )
                )
        self._rule = None

    def _visit(self, node: ast.AST) -> None:
        dispatch = self._dispatch
        kind = node.__class__
        if kind in dispatch.interesting:
            if kind is ast.Call:
                rules = self._call_rules(node)  # type: ignore[arg-type]
            elif kind is ast.Name or kind is ast.Attribute:
                # Most names are spelled as no rule asked: no list is built for them.
                spelled = dispatch.by_spelling.get(node.id if kind is ast.Name else node.attr)  # type: ignore[attr-defined]
                general = dispatch.general.get(kind)
                rules = (general + spelled if general else spelled) if spelled else general
            else:
                rules = dispatch.general[kind]
            if rules:
                self._check(node, rules)
        special = _SPECIAL.get(kind)
        if special is not None:
            special(self, node)
            return
        # The children, as in `_visit_children`, inline: this runs for every node of every file.
        fields = _FIELD_CACHE.get(kind)
        if fields is None:
            fields = child_fields(kind)
        if not fields:
            return
        ancestors = self.ancestors
        ancestors.append(node)
        visit = self._visit
        # Names are a third of the nodes and have no children: those no rule asked for are passed over.
        spelled = dispatch.names_asked
        for name in fields:
            value = getattr(node, name, None)
            if value.__class__ is list:
                for item in value:
                    if item is not None and (spelled is None or item.__class__ is not Name or item.id in spelled):
                        visit(item)
            elif value is not None and (spelled is None or value.__class__ is not Name or value.id in spelled):
                visit(value)
        ancestors.pop()

    def _call_rules(self, call: ast.Call) -> list[Rule]:
        dispatch = self._dispatch
        selected = list(dispatch.general.get(ast.Call, ()))
        func = call.func
        spelled = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
        if spelled is not None and spelled in dispatch.call_by_spelling:
            selected += dispatch.call_by_spelling[spelled]
        if dispatch.call_by_keyword:
            for item in call.keywords:
                if item.arg in dispatch.call_by_keyword:
                    selected += dispatch.call_by_keyword[item.arg]
        if dispatch.call_by_name:
            name = self.call_name(call)
            if name is not None:
                selected += dispatch.call_by_name.get(name, ())
                for prefix, entries in dispatch.call_by_prefix:
                    if name.startswith(prefix):
                        selected += entries
        if len(selected) > 1:
            selected = list({id(entry): entry for entry in selected}.values())
        return selected

    def _visit_children(self, node: ast.AST) -> None:
        fields = child_fields(node.__class__)
        if not fields:
            return
        self.ancestors.append(node)
        visit = self._visit
        for name in fields:  # a node, None, or a list of nodes (None among a dict's keys): see child_fields
            value = getattr(node, name, None)
            if value.__class__ is list:
                for item in value:
                    if item is not None:
                        visit(item)
            elif value is not None:
                visit(value)
        self.ancestors.pop()

    def _visit_all(self, parent: ast.AST, nodes: Iterable[ast.AST | None]) -> None:
        self.ancestors.append(parent)
        for child in nodes:
            if child is not None:
                self._visit(child)
        self.ancestors.pop()

    def _visit_import(self, node: ast.Import | ast.ImportFrom) -> None:
        self.names.bind_import(node)

    def _visit_assign(self, node: ast.Assign | ast.AnnAssign) -> None:
        self._visit_children(node)
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        for target in targets:
            self.names.bind_target(target, node.value)
            if len(self.names.scopes) == 1 and isinstance(target, ast.Name) and node.value is not None:
                self.module_constants[target.id] = node.value

    def _visit_function(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) -> None:
        args = node.args
        head: list[ast.AST | None] = [*args.defaults, *args.kw_defaults]
        if not isinstance(node, ast.Lambda):
            head += [*node.decorator_list, node.returns]
            head += [a.annotation for a in (*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg) if a]
            self.names.bind(node.name, self.names.child_name(node.name))
        self._visit_all(node, head)
        snapshot = (node, list(self.names.scopes), [*self.ancestors, node], list(self.functions), list(self.classes))
        self._deferred.append(snapshot)

    def _run_deferred(self, snapshot: tuple) -> None:
        node, scopes, ancestors, functions, classes = snapshot
        saved = (self.names.scopes, self.ancestors, self.functions, self.classes)
        name = getattr(node, "name", "<lambda>")
        scope = Scope("function", f"{scopes[-1].name}.{name}" if scopes[-1].name else name)
        args = node.args
        for arg in (*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg):
            if arg is not None:
                scope.bindings[arg.arg] = None
        self.names.scopes = [*scopes, scope]
        self.ancestors, self.functions, self.classes = ancestors, [*functions, node], classes
        try:
            body = node.body if isinstance(node.body, list) else [node.body]
            for statement in body:
                self._visit(statement)
        finally:
            self.names.scopes, self.ancestors, self.functions, self.classes = saved

    def _visit_class(self, node: ast.ClassDef) -> None:
        self._visit_all(node, [*node.decorator_list, *node.bases, *node.keywords])
        qualified = self.names.child_name(node.name)
        self.names.scopes.append(Scope("class", qualified))
        self.classes.append(node)
        self.ancestors.append(node)
        try:
            for statement in node.body:
                self._visit(statement)
        finally:
            self.ancestors.pop()
            self.classes.pop()
            self.names.scopes.pop()
        self.names.bind(node.name, qualified)

    def _visit_for(self, node: ast.For | ast.AsyncFor) -> None:
        self._visit_children(node)
        self.names.bind_target(node.target, None)

    def _visit_with(self, node: ast.With | ast.AsyncWith) -> None:
        # `as` names are bound before the body runs, so the body sees them (`with Session() as s: s.get(...)`).
        self._visit_all(node, node.items)
        for item in node.items:
            if item.optional_vars is not None:
                self.names.bind_target(item.optional_vars, item.context_expr)
        self._visit_all(node, node.body)


class Dispatch:
    """Which rules see which nodes; built once per rule selection and shared by every file."""

    _built: ClassVar[dict[tuple[int, ...], Dispatch]] = {}

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.general: dict[type, list[Rule]] = {}
        self.call_by_name: dict[str, list[Rule]] = {}  # exact names and `module.*` patterns
        self.call_by_spelling: dict[str, list[Rule]] = {}
        self.call_by_keyword: dict[str, list[Rule]] = {}
        self.by_spelling: dict[str, list[Rule]] = {}  # ast.Name / ast.Attribute rules narrowed by `attrs`
        for entry in rules:
            for node_type in entry.nodes:
                if node_type is ast.Call and (entry.calls or entry.attrs or entry.keywords):
                    for name in entry.calls:
                        self.call_by_name.setdefault(name, []).append(entry)
                    for name in entry.attrs:
                        self.call_by_spelling.setdefault(name, []).append(entry)
                    for name in entry.keywords:
                        self.call_by_keyword.setdefault(name, []).append(entry)
                elif node_type in (ast.Name, ast.Attribute) and entry.attrs:
                    for name in entry.attrs:
                        if entry not in self.by_spelling.setdefault(name, []):
                            self.by_spelling[name].append(entry)
                else:
                    self.general.setdefault(node_type, []).append(entry)
        # `pysnmp.*` as ("pysnmp.", rules): tried by prefix, not by every shorter name of each call.
        self.call_by_prefix = [(name[:-1], entries) for name, entries in self.call_by_name.items() if name.endswith(".*")]
        # The spellings of the names some rule looks at; None when rules see every name.
        self.names_asked: dict[str, list[Rule]] | None = None if ast.Name in self.general else self.by_spelling
        interesting = set(self.general)
        if self.call_by_name or self.call_by_spelling or self.call_by_keyword:
            interesting.add(ast.Call)
        if self.by_spelling:
            interesting |= {ast.Name, ast.Attribute}
        self.interesting = frozenset(interesting)

    @classmethod
    def for_rules(cls, rules: Iterable[Rule]) -> Dispatch:
        rules = list(rules)
        key = tuple(id(entry) for entry in rules)
        built = cls._built.get(key)
        if built is None:
            if len(cls._built) > 512:  # rule subsets chosen per file by `requires`: keep the memo small
                cls._built.clear()
            built = cls._built[key] = cls(rules)
        return built


def applicable(rules: Iterable[Rule], text: str) -> list[Rule]:
    """The rules whose `requires` prefilter this file's text passes."""
    rules = list(rules)
    if not any(entry.requires for entry in rules):
        return rules
    lowered = text.lower()
    return [entry for entry in rules if not entry.requires or any(hint in lowered for hint in entry.requires)]


_SPECIAL = {
    ast.Import: Context._visit_import,
    ast.ImportFrom: Context._visit_import,
    ast.Assign: Context._visit_assign,
    ast.AnnAssign: Context._visit_assign,
    ast.FunctionDef: Context._visit_function,
    ast.AsyncFunctionDef: Context._visit_function,
    ast.Lambda: Context._visit_function,
    ast.ClassDef: Context._visit_class,
    ast.For: Context._visit_for,
    ast.AsyncFor: Context._visit_for,
    ast.With: Context._visit_with,
    ast.AsyncWith: Context._visit_with,
}


def module_name_for(path: str, root_cache: dict[str, str] | None = None) -> tuple[str, bool]:
    """The dotted module name of a file from the packages (directories with __init__.py) around it."""
    directory, filename = os.path.split(os.path.abspath(path))
    stem = filename[:-3] if filename.endswith(".py") else filename
    is_package = stem == "__init__"
    parts = [] if is_package else [stem]
    cache = root_cache if root_cache is not None else {}
    prefix = cache.get(directory)
    if prefix is None:
        package_parts: list[str] = []
        current = directory
        while os.path.isfile(os.path.join(current, "__init__.py")):
            current, name = os.path.split(current)
            package_parts.insert(0, name)
            if not name:
                break
        prefix = ".".join(package_parts)
        cache[directory] = prefix
    dotted = ".".join(part for part in [prefix, *parts] if part)
    return dotted, is_package
