"""Project-wide resolution: link function summaries over the call graph to a fixpoint, then report.

Labels in a file's facts are local (`s:N`, `p:NAME`, `c:N`). Resolving a function's taint replaces
each `c:N` (the value of call site N) by what the callee returns, with the callee's parameters
substituted by the call's arguments, until nothing changes. Sinks reached by a parameter become
part of the function's summary and are pushed up to its callers the same way.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any

from bastion.model import Confidence, Finding, Location, TraceStep
from bastion.taint.rules import RULES, describe

Resolved = dict[str, frozenset[str]]  # "S:file:N" (a source) or "p:NAME" -> kinds sanitised
MAX_ROUNDS = 12
MAX_ALIAS_HOPS = 6
MAX_TRACE_DEPTH = 8


@dataclass(slots=True)
class Function:
    file: str
    data: dict[str, Any]
    calls: list[int] = field(default_factory=list)  # indexes into the file's calls
    live: list[int] = field(default_factory=list)  # those whose value something reads
    ret: Resolved = field(default_factory=dict)
    attrs: Resolved = field(default_factory=dict)
    fields: dict[str, Resolved] = field(default_factory=dict)
    _self_fields: frozenset[str] | None = None

    @property
    def self_fields(self) -> frozenset[str]:
        """The `self.<attr>` labels its summary mentions (found on first use: few calls need them)."""
        if self._self_fields is None:
            names: set[str] = set()
            for taint in (self.data.get("r", {}), self.data.get("a", {}), *(s["t"] for s in self.data.get("s", []))):
                names.update(label[7:] for label in taint if label.startswith("p:self."))
            self._self_fields = frozenset(names)
        return self._self_fields

    @property
    def params(self) -> list[str]:
        return self.data.get("p", [])

    @property
    def is_method(self) -> bool:
        return bool(self.data.get("cls")) and bool(self.params) and self.params[0] in {"self", "cls"}


NOTHING: frozenset[str] = frozenset()


def _cleared(values: list[str]) -> frozenset[str]:
    return frozenset(values) if values else NOTHING


def _union_into(target: Resolved, label: str, cleared: frozenset[str]) -> bool:
    old = target.get(label)
    if old is None:
        target[label] = cleared
        return True
    new = old & cleared
    if new != old:
        target[label] = new
        return True
    return False


class Linker:
    def __init__(self, facts: Mapping[str, Any]) -> None:
        self.facts = {path: data for path, data in facts.items() if isinstance(data, dict)}
        self.functions: dict[tuple[str, str], Function] = {}
        self.by_qual: dict[str, list[Function]] = {}
        self.aliases: dict[str, str] = {}
        self.classes: dict[str, list[str]] = {}
        self.routes: list[list[Any]] = []
        self.call_values: dict[tuple[str, int], Resolved] = {}
        self.call_fields: dict[tuple[str, int], dict[str, Resolved]] = {}
        self.call_targets: dict[tuple[str, int], list[tuple[Function, bool]]] = {}
        self._callers: dict[int, list[tuple[Function, int, bool]]] | None = None
        self._canonical: dict[str, str] = {}  # memo of canonical(), used once the tables below are complete
        self._methods: dict[tuple[str, str], list[Function]] = {}  # memo of method(cls, name)
        self._forward_only: set[int] = set()
        self._called: set[int] = set()  # ids of the functions some call targets
        for path, data in self.facts.items():
            self.aliases.update(data.get("aliases", {}))
            self.classes.update(data.get("classes", {}))
            self.routes.extend(data.get("routes", []))
            for fn in data.get("functions", []):
                function = Function(path, fn)
                self.functions[(path, fn["q"])] = function
                self.by_qual.setdefault(fn["q"], []).append(function)
            for index, call in enumerate(data.get("calls", [])):
                owner = self.functions.get((path, call.get("f", "")))
                if owner is not None:
                    owner.calls.append(index)

    # -- call targets ---------------------------------------------------------------------

    def canonical(self, name: str) -> str:
        found = self._canonical.get(name)
        if found is None:
            found = self._canonical[name] = self._follow_aliases(name)
        return found

    def _follow_aliases(self, name: str) -> str:
        for _ in range(MAX_ALIAS_HOPS):
            if name in self.by_qual or name in self.classes:
                return name
            head, _, tail = name.rpartition(".")
            if name in self.aliases:
                name = self.aliases[name]
            elif head and head in self.aliases:
                name = f"{self.aliases[head]}.{tail}"
            elif head and head.rpartition(".")[0] in self.aliases and "." in head:
                prefix, _, middle = head.rpartition(".")
                name = f"{self.aliases[prefix]}.{middle}.{tail}"
            else:
                return name
        return name

    def method(self, cls: str, name: str, depth: int = 0) -> list[Function]:
        if depth == 0:
            key = (cls, name)
            if key not in self._methods:
                self._methods[key] = self._method(cls, name, 0)
            return self._methods[key]
        return self._method(cls, name, depth)

    def _method(self, cls: str, name: str, depth: int) -> list[Function]:
        found = self.by_qual.get(f"{cls}.{name}")
        if found or depth > 5:
            return found or []
        for base in self.classes.get(cls, []):
            found = self.method(self.canonical(base), name, depth + 1)
            if found:
                return found
        return []

    def targets(self, path: str, index: int, call: dict[str, Any]) -> list[tuple[Function, bool]]:
        key = (path, index)
        if key in self.call_targets:
            return self.call_targets[key]
        out: list[tuple[Function, bool]] = []
        for candidate in call.get("q", []):
            name = self.canonical(candidate)
            if name in self.by_qual:
                out.extend((f, False) for f in self.by_qual[name])
            elif name in self.classes:
                out.extend((f, True) for f in self.method(name, "__init__"))
                if not out:
                    out.append((Function(path, {"q": name, "p": []}), True))
            else:
                cls, _, method = name.rpartition(".")
                if cls not in self.classes and cls in self.by_qual:
                    returned = self.by_qual[cls][0].data.get("rt")
                    cls = self.canonical(returned) if returned else cls
                if cls in self.classes:
                    out.extend((f, False) for f in self.method(cls, method))
        self.call_targets[key] = out
        return out

    # -- resolution -----------------------------------------------------------------------

    def resolve(self, path: str, taint: Mapping[str, list[str]] | None) -> Resolved:
        out: Resolved = {}
        if not taint:
            return out
        for label, cleared_list in taint.items():
            cleared = frozenset(cleared_list) if cleared_list else NOTHING
            kind, _, rest = label.partition(":")
            if kind == "p":
                old = out.get(label)
                out[label] = cleared if old is None else old & cleared
            elif kind == "c":
                for inner, inner_cleared in self.call_values.get((path, int(rest)), {}).items():
                    _union_into(out, inner, inner_cleared | cleared)
            elif kind == "s":
                _union_into(out, f"S:{path}:{rest}", cleared)
        return out

    def bind(self, target: Function, ctor: bool, call: dict[str, Any], path: str, wanted: AbstractSet[str]) -> dict[str, Resolved]:
        """Parameter name of `target` -> the resolved argument passed to it at `call`, for the names
        in `wanted` (the parameters a summary refers to; resolving the others would be wasted)."""
        if not wanted:
            return {}
        params = target.params
        offset = 1 if (target.is_method or ctor) and params and params[0] in {"self", "cls"} else 0
        bound: dict[str, Resolved] = {}
        for index, arg in enumerate(call.get("a", [])):
            if index + offset < len(params) and params[index + offset] in wanted:
                bound[params[index + offset]] = self.resolve(path, arg)
        kwarg = target.data.get("kw")
        for name, arg in call.get("k", {}).items():
            if name not in params and kwarg:
                if kwarg in wanted:
                    for label, cleared in self.resolve(path, arg).items():
                        _union_into(bound.setdefault(kwarg, {}), label, cleared)
            elif name in wanted:
                bound[name] = self.resolve(path, arg)
        if offset and "r" in call:
            if params[0] in wanted:
                bound[params[0]] = self.resolve(path, call["r"])
            prefix = params[0] + "."
            for key in wanted:
                if key.startswith(prefix) and (name := key[len(prefix):]) in target.self_fields:
                    bound[key] = self.receiver_field(path, call["r"], name)
        return bound

    def receiver_field(self, path: str, receiver: Mapping[str, list[str]], name: str) -> Resolved:
        """Attribute `name` of a call's receiver: per field for objects built by a project constructor,
        the whole receiver otherwise."""
        out: Resolved = {}
        for label, cleared_list in receiver.items():
            cleared = _cleared(cleared_list)
            if label.startswith("c:") and (fields := self.call_fields.get((path, int(label[2:])))) is not None:
                parts = fields.get(name, {})
            elif label == "p:self":
                parts = {f"p:self.{name}": frozenset()}
            else:
                parts = self.resolve(path, {label: cleared_list})
                cleared = frozenset()
            for inner, inner_cleared in parts.items():
                _union_into(out, inner, inner_cleared | cleared)
        return out

    def call_value(self, path: str, index: int, call: dict[str, Any]) -> Resolved:
        targets = self.targets(path, index, call)
        if not targets:
            if any(".objects." in q for q in call.get("q", [])):
                return {}
            out: Resolved = {}
            for arg in [*call.get("a", []), *call.get("k", {}).values(), call.get("r")]:
                for label, cleared in self.resolve(path, arg).items():
                    _union_into(out, label, cleared)
            return out
        out = {}
        for target, ctor in targets:
            summary = target.attrs if ctor else target.ret
            if ctor and not target.data.get("p"):
                arguments = [*call.get("a", []), *call.get("k", {}).values()]
                summary = {f"p:{i}": frozenset() for i in range(len(arguments))}
                bound = {str(i): self.resolve(path, a) for i, a in enumerate(arguments)}
            else:
                bound = self.bind(target, ctor, call, path, _parameters(summary))
            for label, cleared in summary.items():
                if label.startswith("p:"):
                    for inner, inner_cleared in bound.get(label[2:], {}).items():
                        _union_into(out, inner, inner_cleared | cleared)
                else:
                    _union_into(out, label, cleared)
        return out

    def constructed_fields(self, path: str, index: int, call: dict[str, Any]) -> dict[str, Resolved] | None:
        """Per-attribute values of an object built by a project constructor with an `__init__`."""
        targets = self.targets(path, index, call)
        if not targets or not all(ctor and "af" in target.data for target, ctor in targets):
            return None
        out: dict[str, Resolved] = {}
        for target, _ in targets:
            bound = self.bind(target, True, call, path, {p for summary in target.fields.values() for p in _parameters(summary)})
            for name, summary in target.fields.items():
                slot = out.setdefault(name, {})
                for label, cleared in summary.items():
                    if label.startswith("p:"):
                        for inner, inner_cleared in bound.get(label[2:], {}).items():
                            _union_into(slot, inner, inner_cleared | cleared)
                    else:
                        _union_into(slot, label, cleared)
        return out

    def callers(self) -> dict[int, list[tuple[Function, int, bool]]]:
        """id(callee) -> (caller, call index, is a constructor call), in the order of the functions."""
        if self._callers is None:
            self._callers = {}
            for function in self.functions.values():
                calls = self.facts[function.file].get("calls", [])
                for index in function.calls:
                    for target, ctor in self.targets(function.file, index, calls[index]):
                        self._callers.setdefault(id(target), []).append((function, index, ctor))
        return self._callers

    def fixpoint(self) -> None:
        """Evaluate every function, then re-evaluate only what a change can reach: the callers of a
        function whose summary changed, and the functions that name a call whose value changed
        (a module-level call read inside a function). Each function is evaluated at most
        MAX_ROUNDS times."""
        callers = self.callers()
        # Only callers read a summary (ret, attrs, fields): a function that nobody calls needs only
        # the values of its own calls, and one with no call and no caller nothing at all (nor does
        # one whose summary is empty).
        # Likewise a call's value matters only where its label `c:N` is read.
        self._called = set(callers)
        read = {path: _read_calls(data) for path, data in self.facts.items()}
        for f in self.functions.values():
            if f.calls:
                f.live = [index for index in f.calls if index in read[f.file]]
        functions = [
            f for f in self.functions.values()
            if f.live or (id(f) in self._called and (f.data.get("r") or f.data.get("a") or f.data.get("af")))
        ]
        readers: dict[tuple[str, int], list[Function]] = {}
        self._forward_only = set()
        for function in functions:
            named, reads_later = _call_reads(function, self.facts[function.file].get("calls", []))
            for index in named.difference(function.calls):
                readers.setdefault((function.file, index), []).append(function)
            if not reads_later:
                self._forward_only.add(id(function))
        queue = deque(functions)
        queued = {id(function) for function in functions}
        visits: dict[int, int] = {}
        while queue:
            function = queue.popleft()
            queued.discard(id(function))
            count = visits.get(id(function), 0)
            if count >= MAX_ROUNDS:
                continue
            visits[id(function)] = count + 1
            changed_calls, summary_changed = self._evaluate(function)
            reached = [other for index in changed_calls for other in readers.get((function.file, index), ())]
            if summary_changed:
                reached += [caller for caller, _, _ in callers.get(id(function), ())]
            for other in reached:
                if id(other) not in queued:
                    queued.add(id(other))
                    queue.append(other)

    def _evaluate(self, function: Function) -> tuple[set[int], bool]:
        """Recompute one function's call values and summary: (calls whose value changed, whether
        the summary changed)."""
        changed_calls: set[int] = set()
        calls = self.facts[function.file].get("calls", []) if function.live else []
        for _ in range(MAX_ROUNDS if function.live else 0):
            changed = False
            for index in function.live:
                key = (function.file, index)
                value = self.call_value(function.file, index, calls[index])
                if value != self.call_values.get(key):
                    self.call_values[key] = value
                    changed_calls.add(index)
                    changed = True
                fields = self.constructed_fields(function.file, index, calls[index])
                if fields is not None and fields != self.call_fields.get(key):
                    self.call_fields[key] = fields
                    changed_calls.add(index)
                    changed = True
            if not changed or id(function) in self._forward_only:
                break  # calls read only calls before them: one pass in order is exact
        if id(function) not in self._called:
            return changed_calls, False
        data = function.data
        ret = self.resolve(function.file, data.get("r"))
        attrs = self.resolve(function.file, data.get("a"))
        fields = {name: self.resolve(function.file, taint) for name, taint in data["af"].items()} if "af" in data else {}
        if ret != function.ret or attrs != function.attrs or fields != function.fields:
            function.ret, function.attrs, function.fields = ret, attrs, fields
            return changed_calls, True
        return changed_calls, False


def _parameters(summary: Resolved) -> set[str]:
    return {label[2:] for label in summary if label.startswith("p:")}


def _read_calls(data: Mapping[str, Any]) -> set[int]:
    """The calls of a file whose labels (`c:N`) some summary, sink or call argument names."""
    taints: list[Any] = []
    for function in data.get("functions", ()):
        if len(function) > 1:  # more than its name
            taints += (function.get("r"), function.get("a"), *function.get("af", {}).values())
            taints += [sink["t"] for sink in function.get("s", ())]
    for call in data.get("calls", ()):
        taints += (*call.get("a", ()), *call.get("k", {}).values(), call.get("r"))
    return {int(label[2:]) for taint in taints if taint for label in taint if label[0] == "c"}


def _call_reads(function: Function, calls: list[dict[str, Any]]) -> tuple[set[int], bool]:
    """The calls (`c:N`) whose values a function's summary or its own calls read, and whether one
    of its calls reads the value of one of its own calls that comes later."""
    found: set[int] = set()
    data = function.data
    summary = [data.get("r"), data.get("a"), *data.get("af", {}).values(), *(sink.get("t") for sink in data.get("s", ()))]
    for taint in summary:
        if taint:
            for label in taint:
                if label.startswith("c:"):
                    found.add(int(label[2:]))
    reads_later = False
    if function.calls:
        position = {index: order for order, index in enumerate(function.calls)}
        for order, index in enumerate(function.calls):
            call = calls[index]
            for taint in (*call.get("a", ()), *call.get("k", {}).values(), call.get("r")):
                if isinstance(taint, dict):
                    for label in taint:
                        if label.startswith("c:"):
                            read = int(label[2:])
                            found.add(read)
                            reads_later = reads_later or position.get(read, -1) >= order
    return found, reads_later


@dataclass(frozen=True, slots=True)
class Hit:
    sink: dict[str, Any]
    sink_file: str
    source: str  # "S:file:N"
    steps: tuple[TraceStep, ...]  # call-site hops from the source's function down to the sink's


def resolve(facts: Mapping[str, Any]) -> list[Finding]:
    linker = Linker(facts)
    linker.fixpoint()
    hits: dict[tuple[str, int, int, str], Hit] = {}
    callers = linker.callers()
    pending: list[tuple[Function, str, dict[str, Any], str, frozenset[str], tuple[TraceStep, ...]]] = []
    for function in linker.functions.values():
        for sink in function.data.get("s", []):
            for label, cleared in linker.resolve(function.file, sink["t"]).items():
                if sink["k"] in cleared:
                    continue
                if label.startswith("S:"):
                    _record(hits, sink, function.file, label, ())
                else:
                    pending.append((function, label[2:], sink, function.file, cleared, ()))
    seen: set[tuple[int, str, int]] = set()
    while pending:
        function, param, sink, sink_file, cleared, steps = pending.pop()
        key = (id(function), param, id(sink))
        if key in seen or len(steps) > MAX_TRACE_DEPTH:
            continue
        seen.add(key)
        for caller, index, ctor in callers.get(id(function), []):
            call = linker.facts[caller.file]["calls"][index]
            argument = linker.bind(function, ctor, call, caller.file, {param}).get(param)
            if not argument:
                continue
            step = TraceStep(Location(caller.file, call["l"], call["c"]), f"passed to {function.data['q'].rsplit('.', 1)[-1]}() as '{param}'")
            for label, inner in argument.items():
                total = cleared | inner
                if sink["k"] in total:
                    continue
                if label.startswith("S:"):
                    _record(hits, sink, sink_file, label, (step, *steps))
                else:
                    pending.append((caller, label[2:], sink, sink_file, total, (step, *steps)))
    return [_finding(linker, hit) for hit in hits.values() if not _converted(linker, hit)]


def _converted(linker: Linker, hit: Hit) -> bool:
    """A Django URL keyword argument whose route converter (`<int:pk>`, `<slug:s>`) makes it safe."""
    path, _, index = hit.source[2:].rpartition(":")
    entry = linker.facts[path]["sources"][int(index)]
    if len(entry) < 6:
        return False
    function, param = entry[4], entry[5]
    routed = [
        kinds_by_param for view, kinds_by_param in linker.routes
        if function == (target := linker.canonical(view)) or function.startswith(target + ".")
    ]
    if not routed:
        return bool(linker.routes)  # the project routes its views elsewhere: this function is not one
    kinds = [by_param[param] for by_param in routed if param in by_param]
    return not kinds or all(hit.sink["k"] in k for k in kinds)


def _record(hits: dict, sink: dict[str, Any], sink_file: str, source: str, steps: tuple[TraceStep, ...]) -> None:
    key = (sink_file, sink["l"], sink["c"], sink["k"])
    old = hits.get(key)
    if old is None or (len(steps) < len(old.steps)):
        hits[key] = Hit(sink, sink_file, source, steps)


def _finding(linker: Linker, hit: Hit) -> Finding:
    _, path, index = hit.source.split(":", 2) if hit.source.count(":") == 2 else ("S", "", "0")
    path, _, index = hit.source[2:].rpartition(":")
    line, column, description, confidence = linker.facts[path]["sources"][int(index)][:4]
    sink = hit.sink
    rule = RULES[sink["k"]]
    where = f"line {line}" if path == hit.sink_file else f"{path}:{line}"
    message = f"{describe(sink['k'])}: untrusted {description} ({where}) reaches {sink['n']}"
    trace = (
        TraceStep(Location(path, line, column), f"source: {description}"),
        *hit.steps,
        TraceStep(Location(hit.sink_file, sink["l"], sink["c"], sink.get("el"), sink.get("ec")), f"sink: {sink['n']}"),
    )
    return Finding(
        rule=rule,
        message=message,
        location=Location(hit.sink_file, sink["l"], sink["c"], sink.get("el"), sink.get("ec")),
        snippet=sink.get("x", ""),
        confidence=Confidence.LOW if confidence == "low" else None,
        trace=trace,
    )
