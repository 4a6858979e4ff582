"""The route analysis in `bastion check`: facts per file, then the inventory and its findings."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from bastion.engine.analysis import FileFacts, Project, ProjectResult

if TYPE_CHECKING:
    from bastion.routes.model import Endpoint

# Framework modules are imported where used: a cached scan needs none of them.


class RouteFacts:
    name = "routes"

    def prepare(self) -> None:
        import bastion.routes.collect  # noqa: F401

    def collect(self, context, config) -> FileFacts:
        from bastion.routes import collect

        return FileFacts(facts=collect.collect(context.source.tree, context.module, context.names.is_package))


def inventory(facts: dict[str, Any], options) -> list[Endpoint]:
    from bastion.routes import django, fastapi, flask
    from bastion.routes.index import Index

    index = Index.build(facts, options)
    found: list[Endpoint] = []
    for extract in (flask.endpoints, fastapi.endpoints, django.endpoints):
        found += extract(index)
    found = [replace(e, guards=tuple(dict.fromkeys(e.guards))) for e in found]
    unique = {(e.path, e.methods, e.handler.qualname, e.kind): e for e in found}
    return sorted(unique.values(), key=lambda e: (e.path, e.methods, e.handler.qualname))


def to_json(endpoint: Endpoint, verdict: str, codes: list[str]) -> dict[str, Any]:
    return {
        "framework": endpoint.framework, "kind": endpoint.kind, "path": endpoint.path, "methods": list(endpoint.methods),
        "handler": endpoint.handler.qualname, "file": endpoint.handler.path, "line": endpoint.handler.line,
        "guards": [g.to_json() for g in endpoint.guards], "access": endpoint.access, "roles": list(endpoint.roles),
        "verdict": verdict, "findings": codes,
    }


def analyse(facts: dict[str, Any], options) -> tuple[list[dict[str, Any]], list]:
    from bastion.routes import verdicts

    endpoints = inventory(facts, options)
    judged = verdicts.judge(endpoints, options)
    public = tuple(options.get("public-routes", ()))
    rows = [to_json(e, verdicts.verdict(e, public), sorted({f[0].code for f in judged.get(i, [])}))
            for i, e in enumerate(endpoints)]
    return rows, verdicts.findings(endpoints, judged)


class RouteAnalyzer:
    name = "routes"

    def analyze(self, project: Project) -> ProjectResult:
        facts = project.facts.get("routes", {})
        if not any(facts.values()):
            return ProjectResult()
        rows, found = analyse(facts, project.config.section("routes"))
        return ProjectResult(findings=found, extras={"routes": rows} if rows else {})


FILE_ANALYZER = RouteFacts()
PROJECT_ANALYZER = RouteAnalyzer()
