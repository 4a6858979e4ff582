"""The per-file cache: hits on a second run, invalidation on change, hostile cache content ignored."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import write_project

from bastion.config import Config
from bastion.engine.runner import scan


def _scan(root: Path, **overrides):
    config = Config(root=root, **overrides)
    return scan([root], config, jobs=1)


def test_second_run_hits_and_edits_invalidate(tmp_path: Path) -> None:
    write_project(tmp_path, {"a.py": "import os\nos.system('x' + value())\n", "b.py": "x = 1\n"})
    first = _scan(tmp_path)
    assert first.cache_hits == 0 and len(first.findings) == 1
    assert (tmp_path / ".bastion_cache" / ".gitignore").read_text().strip().endswith("*")
    second = _scan(tmp_path)
    assert second.cache_hits == 2
    assert [f.fingerprint for f in second.findings] == [f.fingerprint for f in first.findings]
    (tmp_path / "b.py").write_text("import os\nos.popen('y' + value())\n")
    third = _scan(tmp_path)
    assert third.cache_hits == 1 and len(third.findings) == 2


def test_config_change_invalidates(tmp_path: Path) -> None:
    write_project(tmp_path, {"a.py": "import yaml\nyaml.load(value())\n"})
    _scan(tmp_path)
    assert _scan(tmp_path, select=("BST202",)).cache_hits == 0


def test_corrupt_or_malicious_cache_entries_are_misses(tmp_path: Path) -> None:
    write_project(tmp_path, {"a.py": "import yaml\nyaml.load(value())\n"})
    _scan(tmp_path)
    for entry in (tmp_path / ".bastion_cache").rglob("*.json"):
        entry.write_text(json.dumps({"findings": "not a list"}))
    result = _scan(tmp_path)
    assert result.cache_hits == 0 and [f.rule.code for f in result.findings] == ["BST204"]


def test_no_cache_writes_nothing(tmp_path: Path) -> None:
    write_project(tmp_path, {"a.py": "x = 1\n"})
    scan([tmp_path], Config(root=tmp_path), use_cache=False, jobs=1)
    assert not (tmp_path / ".bastion_cache").exists()


def test_project_pass_is_reused_until_an_input_changes(tmp_path: Path, monkeypatch) -> None:
    from bastion.engine import runner
    from bastion.engine.analysis import ProjectResult
    from bastion.model import Location
    from bastion.rules import registry

    calls: list[int] = []

    class Counting:
        name = "counting"

        def analyze(self, project):
            calls.append(len(project.other_files))
            finding = runner.Finding(registry.info("BST205"), "project-wide", Location("a.py", 1))
            return ProjectResult(findings=[finding], extras={"table": [{"n": len(calls)}]})

    monkeypatch.setattr(runner, "load_analyzers", lambda enabled=None: ([], [Counting()]))
    write_project(tmp_path, {"a.py": "x = 1\n", "notes.txt": "hello\n"})
    first = _scan(tmp_path)
    second = _scan(tmp_path)
    assert calls == [1] and second.extras == first.extras == {"table": [{"n": 1}]}
    assert [f.message for f in second.findings] == ["project-wide"]
    (tmp_path / "notes.txt").write_text("changed, and longer\n")
    _scan(tmp_path)
    assert calls == [1, 1]


FLASK_APP = """\
from flask import Flask, request, redirect

app = Flask(__name__)
SEPARATOR = b"/"


@app.route("/go", methods=["POST"])
def go(prefix=b""):
    return redirect(request.form["next"])
"""


def _entries(root: Path) -> list[Path]:
    return sorted((root / ".bastion_cache").rglob("*.json"))


def test_facts_with_bytes_are_cached(tmp_path: Path) -> None:
    """Route facts of a file with bytes constants are plain JSON, so the file is a hit next time."""
    write_project(tmp_path, {"app.py": FLASK_APP})
    first = _scan(tmp_path)
    second = _scan(tmp_path)
    assert second.cache_hits == 1
    assert sorted(f.rule.code for f in second.findings) == sorted(f.rule.code for f in first.findings)
    assert "BST255" in {f.rule.code for f in second.findings}


def test_facts_are_read_only_when_the_project_pass_runs(tmp_path: Path) -> None:
    """A project-wide finding survives an edit elsewhere even when a cached file's facts entry is
    gone: the file is analysed again for its facts."""
    write_project(tmp_path, {"app.py": FLASK_APP, "other.py": "x = 1\n"})
    first = _scan(tmp_path)
    expected = sorted((f.rule.code, f.location.line) for f in first.findings)
    assert ("BST255", 9) in expected
    removed = 0
    for entry in _entries(tmp_path):
        data = json.loads(entry.read_text())
        if isinstance(data, dict) and data and all(isinstance(v, dict) and "taint" in v for v in data.values()):
            entry.unlink()  # the pack of the files' facts
            removed += 1
    assert removed == 1
    (tmp_path / "other.py").write_text("x = 2\n")  # the project pass must run again
    again = _scan(tmp_path)
    assert again.cache_hits == 1
    assert sorted((f.rule.code, f.location.line) for f in again.findings) == expected


def test_pool_results_are_cached(tmp_path: Path) -> None:
    """With a process pool the next scan hits every file and reports the same, in the same order;
    the per-file results live in two pack entries, not one file per source file."""
    files = {f"pkg/m{i}.py": f"import os\n\ndef f{i}(x):\n    os.system('ls ' + x)\n" for i in range(30)}
    write_project(tmp_path, {"pkg/__init__.py": "", **files})
    first = scan([tmp_path], Config(root=tmp_path), jobs=2)
    second = scan([tmp_path], Config(root=tmp_path), jobs=2)
    assert first.cache_hits == 0 and second.cache_hits == 31
    assert [f.fingerprint for f in second.findings] == [f.fingerprint for f in first.findings]
    assert len(first.findings) == 30
    assert len(_entries(tmp_path)) <= 4  # entries, facts, the project pass, the secrets of other files


def test_a_file_changed_after_hashing_is_not_cached_under_the_old_content(tmp_path: Path) -> None:
    from bastion.engine import runner
    from bastion.engine.cache import Cache

    write_project(tmp_path, {"a.py": "import yaml\nyaml.load(value())\n"})
    pack = runner.FilePack(Cache(tmp_path / "cache", "salt"), "scan")
    job = runner.FileJob(str(tmp_path / "a.py"), "a.py", "a", False)
    result = runner.check_file(job, [], [], Config(root=tmp_path))
    runner._save_pack(pack, [result], [("stale", "a digest of other content")])
    assert runner.FilePack(pack.cache, "scan").entries == {}
    runner._save_pack(pack, [result], [("fresh", result.content_hash)])
    assert list(runner.FilePack(pack.cache, "scan").entries) == ["fresh"]


def test_entries_unused_for_a_month_are_pruned(tmp_path: Path) -> None:
    import os
    import time

    from bastion.engine.cache import STALE_AFTER_DAYS, Cache

    cache = Cache(tmp_path / "cache", "salt")
    cache.put(cache.key("old"), {"x": 1})
    cache.put(cache.key("used"), {"x": 2})
    now = time.time() + (STALE_AFTER_DAYS + 1) * 24 * 3600
    for key in ("old", "used"):
        path = cache._path(cache.key(key))
        os.utime(path, (time.time(), time.time()))
    os.utime(cache._path(cache.key("used")), (now, now))  # read recently (as `get` does)
    assert cache.prune(now=now) == 1
    assert cache.get(cache.key("old")) is None and cache.get(cache.key("used")) == {"x": 2}
    assert cache.prune(now=now + 60) == 0  # at most once a day


def _counting_reads(monkeypatch) -> list[str]:
    from bastion import source as sources

    read: list[str] = []
    original = sources.read_bytes

    def counting(path, display, *args):
        read.append(Path(display).name)
        return original(path, display, *args)

    monkeypatch.setattr(sources, "read_bytes", counting)
    return read


def test_unchanged_files_are_not_read_again(tmp_path: Path, monkeypatch) -> None:
    """A file whose status (size, times, inode) is the one recorded is taken as unchanged, as git's
    index does; a file whose status changed (even with the same size and modification time) is read."""
    from bastion.engine import runner

    monkeypatch.setattr(runner, "RACY_NS", 0)
    write_project(tmp_path, {"a.py": "import os\nos.system('x' + value())\n", "b.py": "x = 12345\n"})
    _scan(tmp_path)
    read = _counting_reads(monkeypatch)
    second = _scan(tmp_path)
    assert second.cache_hits == 2 and read == []
    b = tmp_path / "b.py"
    before = b.stat()
    b.write_text("eval(v())\n")  # the same size, and the old modification time put back
    import os

    os.utime(b, ns=(before.st_atime_ns, before.st_mtime_ns))
    third = _scan(tmp_path)
    assert before.st_size == b.stat().st_size and set(read) == {"b.py"} and third.cache_hits == 1
    assert sorted(f.rule.code for f in third.findings) == ["BST201", "BST202"]


def test_files_changed_just_before_a_scan_are_read_again(tmp_path: Path, monkeypatch) -> None:
    """Within the file system's timestamp granularity a write may leave the status as it was: a file
    changed less than two seconds before the scan that recorded it is not trusted by the next."""
    write_project(tmp_path, {"a.py": "x = 1\n"})
    _scan(tmp_path)
    read = _counting_reads(monkeypatch)
    assert _scan(tmp_path).cache_hits == 1 and read == ["a.py"]
