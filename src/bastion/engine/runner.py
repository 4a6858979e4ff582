"""The scan, stage by stage: discover -> per-file pass (parallel, cached) -> project pass -> filter.

Each stage takes plain values and returns plain values; formatting is the caller's business.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bastion import __version__, suppress
from bastion import source as sources
from bastion.config import Config, ignored_for_file, is_enabled
from bastion.discovery import FileSet, ScanFile, discover
from bastion.engine.analysis import (
    FileAnalyzer,
    ParsedModule,
    Project,
    ProjectAnalyzer,
    ProjectResult,
    load_analyzers,
)
from bastion.engine.cache import Cache, default_directory
from bastion.engine.context import module_name_for
from bastion.engine.file_pass import FileJob, FileResult, check_bytes, check_file
from bastion.model import Diagnostic, DiagnosticKind, Finding, RuleInfo
from bastion.rules import registry
from bastion.serialize import diagnostic_from_data, diagnostic_to_data, finding_from_data, finding_to_data

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

# Below this many files to analyse, a process pool costs more than it saves.
POOL_THRESHOLD = 24


@dataclass(slots=True)
class ScanResult:
    findings: list[Finding]
    suppressed: list[Finding]
    diagnostics: list[Diagnostic]
    rules: list[RuleInfo]
    files_scanned: int
    duration: float
    extras: dict[str, Any] = field(default_factory=dict)
    cache_hits: int = 0


# -- worker state (set once per process) ----------------------------------------------------------

_WORKER: tuple[list[registry.Rule], list[FileAnalyzer], Config] | None = None


_COLLECT_EVERY = 256  # files a worker analyses between two garbage collections
_analysed = 0


def _init_worker(config: Config, codes: list[str]) -> None:
    global _WORKER
    wanted = set(codes)
    file_analyzers, _ = load_analyzers(wanted)
    rules = [entry for entry in registry.all_rules() if entry.info.code in wanted and entry.check]
    _WORKER = (rules, file_analyzers, config)
    # The modules and rules loaded so far live as long as the worker: collections need not look at
    # them again. The analysis makes few reference cycles, so a worker collects every so many files
    # instead of whenever allocations pile up (a few percent of its time).
    gc.freeze()
    gc.disable()


def _work(job: FileJob) -> dict[str, Any]:
    global _analysed
    assert _WORKER is not None
    rules, analyzers, config = _WORKER
    result = check_file(job, rules, analyzers, config).to_data()
    _analysed += 1
    if _analysed % _COLLECT_EVERY == 0:
        gc.collect()
    return result


# -- stages ---------------------------------------------------------------------------------------


def enabled_rules(config: Config) -> list[registry.Rule]:
    return [
        entry
        for entry in registry.all_rules()
        if is_enabled(config, entry.info.code, entry.info.name, entry.info.default_enabled)
    ]


def _jobs_for(files: list[ScanFile]) -> list[FileJob]:
    package_cache: dict[str, str] = {}
    jobs = []
    for item in files:
        module, is_package = module_name_for(item.path, package_cache)
        jobs.append(FileJob(item.path, item.display, module, is_package))
    return jobs


def _worker_count(config: Config, jobs: int | None) -> int:
    requested = jobs if jobs is not None else config.jobs
    return requested or os.cpu_count() or 1


def _thread_count() -> int:
    try:
        return len(os.listdir("/proc/self/task"))  # counts threads the threading module never saw
    except OSError:
        return threading.active_count()


def _pool_context() -> BaseContext:
    """fork when this process runs a single thread (fastest: workers inherit the loaded rules);
    forkserver once other threads exist (a progress bar, a test runner), where forking is unsafe."""
    import multiprocessing  # here: a cached scan starts no processes

    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and _thread_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["bastion.engine.runner"])
        return context
    return multiprocessing.get_context("spawn")


# A file whose status changed less than this long before a scan looked at it is read again by the
# next scan even if its status looks the same (a write within the file system's timestamp
# granularity leaves the status unchanged: git's "racy" entries).
RACY_NS = 2_000_000_000


class FilePack:
    """A scan's per-file cache in two entries rather than a file per source file (thousands of small
    files cost more to write and read than the analysis they save): every file's findings,
    diagnostics and suppressions in one, keyed by content; their facts in the other, read only when
    the project pass must run. Entries of files no longer scanned are dropped when it is rewritten.

    The first entry also remembers each file's status (size, modification and change times, inode)
    and content digest, so an unchanged file is not even read to be hashed, as git's index does."""

    def __init__(self, cache: Cache, name: str) -> None:
        self.cache = cache
        self.entries_key = cache.key("pack", name)
        self.facts_key = cache.key("pack-facts", name)
        stored = cache.get(self.entries_key)
        stored = stored if isinstance(stored, dict) else {}
        entries, statuses, checked = stored.get("entries"), stored.get("statuses"), stored.get("checked")
        self.entries: dict[str, Any] = entries if isinstance(entries, dict) else {}
        self._statuses: dict[str, Any] = statuses if isinstance(statuses, dict) else {}
        self._trusted_before = checked - RACY_NS if isinstance(checked, int) else 0
        self.checked = time.time_ns()
        # path -> (cache key, [size, mtime, ctime, inode, digest]) as this scan saw it
        self.statuses: dict[str, tuple[str, list[Any]]] = {}
        self._facts: dict[str, Any] | None = None

    def known_digest(self, path: str) -> tuple[list[Any] | None, str | None]:
        """This file's status now, and its digest if its status is the one recorded and old enough to trust."""
        try:
            status = os.stat(path)
        except OSError:
            return None, None
        now = [status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino]
        recorded = self._statuses.get(path)
        if (
            isinstance(recorded, list) and len(recorded) == 5 and recorded[:4] == now and isinstance(recorded[4], str)
            and max(status.st_mtime_ns, status.st_ctime_ns) < self._trusted_before
        ):
            return now, recorded[4]
        return now, None

    def _recorded(self, keys: Iterable[str] | None = None) -> dict[str, list[Any]]:
        """This scan's statuses as stored: of the files whose results are under `keys` (None: all)."""
        wanted = None if keys is None else set(keys)
        return {path: record for path, (key, record) in self.statuses.items() if wanted is None or key in wanted}

    @property
    def statuses_changed(self) -> bool:
        return self._recorded() != self._statuses

    def facts(self) -> dict[str, Any]:
        if self._facts is None:
            stored = self.cache.get(self.facts_key)
            self._facts = stored if isinstance(stored, dict) else {}
        return self._facts

    def save(self, entries: dict[str, Any], facts: dict[str, Any] | None) -> None:
        """Facts first: an entries pack never names facts that were not written (None: unchanged)."""
        if facts is None or self.cache.put(self.facts_key, facts):
            self.cache.put(self.entries_key, {"entries": entries, "checked": self.checked, "statuses": self._recorded(entries)})


def file_pass(
    jobs: list[FileJob],
    config: Config,
    rules: list[registry.Rule],
    *,
    pack: FilePack | None,
    workers: int,
    on_progress: Callable[[int], None] | None = None,
    meanwhile: Callable[[], None] | None = None,
) -> tuple[list[FileResult], int]:
    """Results in the order of `jobs`; cached results come from `pack`, misses go to the pool.
    `meanwhile` runs in this process while the pool works (it is not called without a pool)."""
    results: list[FileResult | None] = [None] * len(jobs)
    keys: list[tuple[str, str] | None] = [None] * len(jobs)  # (cache key, content digest)
    misses: list[tuple[int, FileJob]] = []
    hits = 0
    for index, job in enumerate(jobs):
        if pack is not None:
            status, digest = pack.known_digest(job.path)
            if digest is None:
                try:
                    data = sources.read_bytes(job.path, job.display, config.max_file_size)
                except sources.SourceError as error:
                    results[index] = FileResult(job.display, diagnostics=[error.diagnostic])
                    continue
                digest = hashlib.blake2b(data, digest_size=16).hexdigest()
            key = pack.cache.key(digest, job.display, job.module, str(job.is_package))
            keys[index] = (key, digest)
            if status is not None:
                pack.statuses[job.path] = (key, [*status, digest])
            cached = pack.entries.get(key)
            if isinstance(cached, dict):
                try:
                    results[index] = FileResult.from_data(cached)
                    results[index].facts_key = key
                    hits += 1
                    if on_progress:
                        on_progress(1)
                    continue
                except (KeyError, TypeError, ValueError):
                    pass
        misses.append((index, job))

    if workers > 1 and len(misses) >= POOL_THRESHOLD:
        context = _pool_context()
        codes = [entry.info.code for entry in rules]
        if context.get_start_method() == "fork":
            for analyzer in load_analyzers(codes)[0]:
                prepare = getattr(analyzer, "prepare", None)
                if prepare is not None:
                    prepare()
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker, initargs=(config, codes)) as pool:
            # Largest files first, in small chunks: the workers finish together instead of one
            # waiting on the other's last big file.
            misses.sort(key=lambda miss: -_size(miss[1].path))
            chunk = max(1, min(8, len(misses) // (workers * 16)))
            done = pool.map(_work, [job for _, job in misses], chunksize=chunk)
            if meanwhile is not None:
                meanwhile()
            for (index, _), data in zip(misses, done, strict=True):
                results[index] = FileResult.from_data(data)
                if on_progress:
                    on_progress(1)
    else:
        for index, job in misses:
            results[index] = _check_here(job, rules, config)
            if on_progress:
                on_progress(1)
    if pack is not None and (misses or len(pack.entries) != hits):
        _save_pack(pack, results, keys)
    elif pack is not None and pack.statuses_changed:
        pack.save(pack.entries, None)
    return [result for result in results if result is not None], hits


def _check_here(job: FileJob, rules: list[registry.Rule], config: Config) -> FileResult:
    """Check one file in this process (few misses, or a cached file whose facts are gone)."""
    file_analyzers, _ = load_analyzers({entry.info.code for entry in rules})
    return check_file(job, [entry for entry in rules if entry.check], file_analyzers, config)


def _save_pack(pack: FilePack, results: list[FileResult | None], keys: list[tuple[str, str] | None]) -> None:
    """Rewrite the pack with this scan's files: results stored under the content they were keyed
    by (not if a file changed since it was hashed, nor when an analysis failed on it)."""
    entries: dict[str, Any] = {}
    facts: dict[str, Any] = {}
    for result, keyed in zip(results, keys, strict=True):
        if result is None or keyed is None:
            continue
        key, digest = keyed
        if result.facts_key is not None:  # a hit: carried over as it was
            if key in pack.facts():
                entries[key], facts[key] = pack.entries[key], pack.facts()[key]
            continue
        if result.content_hash != digest or any(d.kind == DiagnosticKind.INTERNAL_ERROR for d in result.diagnostics):
            continue
        data = result.to_data()
        facts[key] = data.pop("facts")
        entries[key] = data
    pack.save(entries, facts)


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


class _Facts(Mapping[str, Mapping[str, Any]]):
    """analyzer name -> display path -> facts, built on first use: the facts of cached files are read
    from the pack only then, since a scan whose project pass is cached never needs them."""

    def __init__(self, results: list[FileResult], jobs: list[FileJob], pack: FilePack | None, config: Config, rules: list[registry.Rule]) -> None:
        self._results, self._jobs, self._pack, self._config, self._rules = results, jobs, pack, config, rules
        self._data: dict[str, dict[str, Any]] | None = None

    def _built(self) -> dict[str, dict[str, Any]]:
        if self._data is None:
            jobs = {job.display: job for job in self._jobs}
            data: dict[str, dict[str, Any]] = {}
            for result in self._results:
                facts = result.facts
                if result.facts_key is not None:
                    stored = self._pack.facts().get(result.facts_key) if self._pack is not None else None
                    if isinstance(stored, dict):
                        facts = stored
                    elif result.display in jobs:  # the facts are gone: analyse the file again
                        facts = _check_here(jobs[result.display], self._rules, self._config).facts
                for name, value in facts.items():
                    data.setdefault(name, {})[result.display] = value
            self._data = data
        return self._data

    def __getitem__(self, name: str) -> Mapping[str, Any]:
        return self._built()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._built())

    def __len__(self) -> int:
        return len(self._built())


def run_project_analyzer(analyzer: ProjectAnalyzer, project: Project) -> ProjectResult:
    try:
        return analyzer.analyze(project)
    except Exception as exc:  # an analyzer bug must not stop the scan
        message = f"{analyzer.name} failed: {type(exc).__name__}: {exc}"
        return ProjectResult(diagnostics=[Diagnostic("", DiagnosticKind.INTERNAL_ERROR, message, level="error")])


def project_pass(
    project: Project, analyzers: Iterable[ProjectAnalyzer], done: Mapping[int, ProjectResult] | None = None
) -> tuple[list[Finding], list[Diagnostic], dict[str, Any]]:
    """Every analyzer's result, in order; `done` holds results already computed (by `id` of the analyzer)."""
    findings: list[Finding] = []
    diagnostics: list[Diagnostic] = []
    extras: dict[str, Any] = {}
    for analyzer in analyzers:
        result = (done or {}).get(id(analyzer)) or run_project_analyzer(analyzer, project)
        findings.extend(result.findings)
        diagnostics.extend(result.diagnostics)
        extras.update(result.extras)
    return findings, diagnostics, extras


def _project_key(cache: Cache, project: Project, analyzers: list[ProjectAnalyzer], results: list[FileResult]) -> str:
    """Everything the project pass reads: every Python file's content, every other file's size and
    modification time, and whatever outside state an analyzer names (`cache_token`, e.g. the age of
    the advisory database)."""
    parts = [f"{r.display}:{r.content_hash}" for r in results]
    for item in project.other_files:
        try:
            status = os.stat(item.path)
            parts.append(f"{item.display}:{status.st_size}:{status.st_mtime_ns}")
        except OSError:
            parts.append(f"{item.display}:missing")
    parts += [str(p) for p in project.explicit_paths]
    for analyzer in analyzers:
        token = getattr(analyzer, "cache_token", None)
        parts.append(f"{analyzer.name}:{token(project) if token else ''}")
    return cache.key("project", *parts)


def cached_project_pass(
    project: Project,
    analyzers: list[ProjectAnalyzer],
    results: list[FileResult],
    cache: Cache | None,
    done: Mapping[int, ProjectResult] | None = None,
) -> tuple[list[Finding], list[Diagnostic], dict[str, Any]]:
    """The project pass, reused whole when nothing it reads has changed since the last scan."""
    if cache is None:
        return project_pass(project, analyzers, done)
    key = _project_key(cache, project, analyzers, results)
    stored = cache.get(key)
    if stored is not None:
        try:
            return (
                [finding_from_data(f) for f in stored["findings"]],
                [diagnostic_from_data(d) for d in stored["diagnostics"]],
                stored["extras"],
            )
        except (KeyError, TypeError, ValueError):
            pass
    findings, diagnostics, extras = project_pass(project, analyzers, done)
    if not any(d.kind == DiagnosticKind.INTERNAL_ERROR for d in diagnostics):
        try:
            data = {
                "findings": [finding_to_data(f) for f in findings],
                "diagnostics": [diagnostic_to_data(d) for d in diagnostics],
                "extras": extras,
            }
            cache.put(key, data)
        except (TypeError, ValueError):
            pass  # extras that are not JSON: simply not cached
    return findings, diagnostics, extras


def _relative_to_root(config: Config, display: str) -> str:
    absolute = os.path.abspath(display)
    try:
        return Path(os.path.relpath(absolute, config.root)).as_posix()
    except ValueError:
        return display


def deduplicate(findings: list[Finding]) -> list[Finding]:
    """One report per sink: where a taint finding (it has a trace) and a pattern finding share a
    location and a CWE, keep the taint finding; exact duplicates are dropped."""
    best: dict[tuple, Finding] = {}
    order: list[tuple] = []
    for finding in findings:
        loc = finding.location
        key = (loc.path, loc.line, loc.column, finding.rule.cwe or finding.rule.code)
        if finding.rule.cwe is None:
            key = (*key, finding.message)
        current = best.get(key)
        if current is None:
            best[key] = finding
            order.append(key)
        elif (bool(finding.trace), finding.effective_severity) > (bool(current.trace), current.effective_severity):
            best[key] = finding
    return [best[key] for key in order]


def filter_findings(
    findings: list[Finding],
    config: Config,
    suppressions_by_path: dict[str, list[suppress.Suppression]],
    python_paths: set[str],
) -> tuple[list[Finding], list[Finding], list[Diagnostic]]:
    """Apply selection, per-file ignores, thresholds and inline suppressions."""
    kept: list[Finding] = []
    by_path: dict[str, list[Finding]] = {}
    for finding in deduplicate(findings):
        info = finding.rule
        if not is_enabled(config, info.code, info.name, info.default_enabled):
            continue
        if config.per_file_ignores and ignored_for_file(config, _relative_to_root(config, finding.location.path), info.code, info.name):
            continue
        if finding.effective_severity < config.severity or finding.effective_confidence < config.confidence:
            continue
        by_path.setdefault(finding.location.path, []).append(finding)
    suppressed: list[Finding] = []
    used: set[suppress.Suppression] = set()
    for path, group in by_path.items():
        rules_here = suppressions_by_path.get(path)
        if rules_here is None and path not in python_paths:
            rules_here = _text_file_suppressions(path)
        remaining, dropped, used_here = suppress.apply(group, rules_here or [])
        kept.extend(remaining)
        suppressed.extend(dropped)
        used |= used_here
    diagnostics = []
    if config.report_unused_suppressions:
        for path, items in suppressions_by_path.items():
            for item in items:
                if item not in used:
                    what = ", ".join(item.codes) if item.codes else "all rules"
                    diagnostics.append(
                        Diagnostic(path, DiagnosticKind.UNUSED_SUPPRESSION, f"unused suppression ({item.kind}: {what})", line=item.comment_line)
                    )
    kept.sort(key=Finding.sort_key)
    return kept, suppressed, diagnostics


def redact_snippets(findings: list[Finding]) -> list[Finding]:
    """No report shows a secret: a finding whose code line also holds a secret gets that line redacted."""
    from dataclasses import replace

    from bastion.secrets.redact import redacted_source

    redacted = []
    for finding in findings:
        if finding.snippet and ("redacted", "true") not in finding.properties:
            source = redacted_source(finding.location.path)
            line = finding.location.line
            if line in source.redacted:
                finding = replace(finding, snippet=source.lines[line - 1].strip()[:240], properties=(*finding.properties, ("redacted", "true")))
        redacted.append(finding)
    return redacted


def _text_file_suppressions(path: str) -> list[suppress.Suppression]:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            text = handle.read(2_000_000)
    except OSError:
        return []
    return suppress.find_in_text_file(text) if "bastion" in text else []


GC_THRESHOLDS = (100_000, 50, 100)


@contextlib.contextmanager
def _fewer_collections() -> Iterator[None]:
    """A scan allocates millions of small objects that die young and hold no cycles; at the default
    thresholds the collector walks the live ones over and over (about 7% of a cold scan)."""
    previous = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*previous)


def scan(
    paths: list[Path],
    config: Config,
    *,
    use_cache: bool = True,
    jobs: int | None = None,
    progress: Callable[[int], Callable[[int], None]] | None = None,
    files: FileSet | None = None,
    warm_up: Callable[[], None] | None = None,
) -> ScanResult:
    """`warm_up` is the caller's own preparation (imports for the report), run while workers analyse files."""
    with _fewer_collections():
        return _scan(paths, config, use_cache=use_cache, jobs=jobs, progress=progress, files=files, warm_up=warm_up)


def _scan(
    paths: list[Path],
    config: Config,
    *,
    use_cache: bool,
    jobs: int | None,
    progress: Callable[[int], Callable[[int], None]] | None,
    files: FileSet | None,
    warm_up: Callable[[], None] | None,
) -> ScanResult:
    started = time.perf_counter()
    fileset = files or discover(paths, config)
    rules = enabled_rules(config)
    cache = None
    if use_cache and config.cache:
        salt = "|".join([__version__, config.fingerprint(), ",".join(r.info.code for r in rules)])
        cache = Cache(config.cache_dir or default_directory(config.root), salt)
    jobs_list = _jobs_for(fileset.python)
    on_progress = progress(len(jobs_list)) if progress else None
    pack = FilePack(cache, "|".join(sorted(str(path.resolve()) for path in paths))) if cache is not None else None
    _, project_analyzers = load_analyzers({entry.info.code for entry in rules})
    every_module = [ParsedModule(j.display, j.path, j.module, j.is_package) for j in jobs_list]
    early: dict[int, ProjectResult] = {}

    def analyse_files_meanwhile() -> None:
        """Analyzers that read only the files run while the workers analyse the Python files."""
        project = Project(config.root, config, every_module, fileset.other, {}, paths, use_cache=cache is not None)
        for analyzer in project_analyzers:
            if getattr(analyzer, "uses_facts", True) is False:
                early[id(analyzer)] = run_project_analyzer(analyzer, project)
        if warm_up is not None:
            warm_up()

    results, hits = file_pass(
        jobs_list, config, rules, pack=pack, workers=_worker_count(config, jobs), on_progress=on_progress,
        meanwhile=analyse_files_meanwhile,
    )

    findings = [finding for result in results for finding in result.findings]
    diagnostics = list(fileset.diagnostics) + [d for result in results for d in result.diagnostics]
    facts = _Facts(results, jobs_list, pack, config, rules)
    parsed = {result.display for result in results if result.parsed}
    project = Project(
        root=config.root,
        config=config,
        python_files=[module for module in every_module if module.path in parsed],
        other_files=fileset.other,
        facts=facts,
        explicit_paths=paths,
        use_cache=cache is not None,
    )
    if len(project.python_files) != len(every_module):
        early.clear()  # they were shown every Python file, some of which did not parse
    more_findings, more_diagnostics, extras = cached_project_pass(project, project_analyzers, results, cache, early)
    findings.extend(more_findings)
    diagnostics.extend(more_diagnostics)

    suppressions = {result.display: result.suppressions for result in results}
    kept, suppressed, unused = filter_findings(findings, config, suppressions, set(suppressions))
    from bastion.secrets.redact import remember

    remember({result.display: result.redactions for result in results if result.redactions is not None})
    kept = redact_snippets(kept)
    diagnostics.extend(unused)
    diagnostics.sort(key=lambda d: (d.path, d.line or 0, d.kind, d.message))
    return ScanResult(
        findings=kept,
        suppressed=suppressed,
        diagnostics=diagnostics,
        rules=[entry.info for entry in rules],
        files_scanned=len(jobs_list),
        duration=time.perf_counter() - started,
        extras=extras,
        cache_hits=hits,
    )


def check_text(text: str, path: str = "example.py", config: Config | None = None, module: str = "example") -> list[Finding]:
    """Run the per-file pass (pattern rules and file analyzers) on source text; for tests and tools."""
    config = config or Config(select=("ALL",))
    enabled = enabled_rules(config)
    rules = [entry for entry in enabled if entry.check]
    file_analyzers, _ = load_analyzers({entry.info.code for entry in enabled})
    job = FileJob(path, path, module, False)
    return check_bytes(text.encode(), job, rules, file_analyzers, config).findings
