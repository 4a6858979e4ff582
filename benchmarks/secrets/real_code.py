"""Secrets reported (medium and high confidence) in a tree of real code, to look for false positives.

    .venv/bin/python benchmarks/secrets/real_code.py /tmp/dj/src
    LOW=1 .venv/bin/python benchmarks/secrets/real_code.py .venv/lib/python3.13/site-packages

Prints one line per finding (the value abbreviated) and a summary on standard error.
"""

from __future__ import annotations

import collections
import os
import sys

from bastion.secrets import files
from bastion.secrets.scanner import scan_text


def main() -> int:
    root = sys.argv[1]
    include_low = bool(os.environ.get("LOW"))
    counts: collections.Counter[str] = collections.Counter()
    scanned = 0
    for directory, subdirectories, names in os.walk(root):
        subdirectories[:] = [name for name in subdirectories if name not in {".bastion_cache", ".git"}]
        for name in names:
            path = os.path.join(directory, name)
            if files.skip_reason(path) or not os.path.isfile(path):
                continue
            with open(path, "rb") as handle:
                data = handle.read(2_000_000)
            if files.skip_content(path, data):
                continue
            text = files.decode(data)
            scanned += 1
            lines = text.split("\n")
            for hit in scan_text(text, files.kind_of(path)):
                if hit.confidence == "low" and not include_low:
                    continue
                counts[hit.code] += 1
                line = lines[hit.line - 1].strip().replace(hit.value, f"<{hit.value[:12]}…>")
                print(f"{hit.code} {os.path.relpath(path, root)}:{hit.line} [{hit.kind}] {line[:110]}")
    print(f"{scanned} files scanned; findings: {dict(counts)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
