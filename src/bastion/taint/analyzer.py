"""The taint analysis's two seams: per-file summaries (cached) and the project-wide resolution.

`FILE_ANALYZER` runs the intra-procedural flow over every function of a file and returns its
summaries as JSON-compatible facts. `PROJECT_ANALYZER` links the summaries over the call graph
(aliases from imports, methods of project classes, constructors) to a fixpoint and reports every
sink that an untrusted source reaches, with its trace.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bastion.engine.analysis import FileFacts, Project, ProjectResult
from bastion.taint.settings import TaintOptions

if TYPE_CHECKING:
    from bastion.config import Config
    from bastion.engine.context import Context


class TaintCollector:
    name = "taint"

    def __init__(self) -> None:
        self._options: tuple[int, TaintOptions] | None = None

    def options(self, config: Config) -> TaintOptions:
        if self._options is None or self._options[0] != id(config):
            self._options = (id(config), TaintOptions.from_section(config.section("taint")))
        return self._options[1]

    def prepare(self) -> None:
        import bastion.taint.flow  # noqa: F401

    def collect(self, context: Context, config: Config) -> FileFacts:
        from bastion.taint.flow import FileFlow

        source = context.source
        flow = FileFlow(source.tree, context.module, context.names.is_package, context.path, source.text, self.options(config))
        return FileFacts(facts=flow.run())


class TaintResolver:
    name = "taint"

    def analyze(self, project: Project) -> ProjectResult:
        from bastion.taint.project import resolve

        facts = project.facts.get("taint", {})
        return ProjectResult(findings=resolve(facts))


FILE_ANALYZER = TaintCollector()
PROJECT_ANALYZER = TaintResolver()
