"""CPU time of the two secret analyzers on a tree, in-process (not disturbed by other load on a
shared machine the way wall-clock timings are).

    .venv/bin/python benchmarks/secrets/components.py /tmp/dj/src
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from bastion import source as sources
from bastion.config import Config
from bastion.discovery import discover
from bastion.engine.analysis import Project
from bastion.engine.context import Context
from bastion.secrets.analyzer import FILE_ANALYZER, PROJECT_ANALYZER


def best(function: Callable[[], object], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        started = time.process_time()
        function()
        times.append(time.process_time() - started)
    return min(times)


def main() -> int:
    root = Path(sys.argv[1]).resolve()
    config = Config(root=root)
    files = discover([root], config)

    def parse_all() -> list[sources.SourceFile]:
        parsed = []
        for item in files.python:
            try:
                with open(item.path, "rb") as handle:
                    parsed.append(sources.from_bytes(handle.read(), item.display))
            except sources.SourceError:
                pass
        return parsed

    parsed = parse_all()
    parse = best(parse_all, 1)
    python = best(lambda: [FILE_ANALYZER.collect(Context(source, "m"), config) for source in parsed])
    other = best(lambda: PROJECT_ANALYZER.analyze(Project(root, config, [], files.other, {}, use_cache=False)))
    print(f"{len(files.python)} Python files, {len(files.other)} other files")
    print(f"read + parse the Python files (for scale): {parse:.2f} s CPU")
    print(f"secrets in Python files (per-file analyzer): {python:.2f} s CPU")
    print(f"secrets in other files (project analyzer): {other:.2f} s CPU")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
