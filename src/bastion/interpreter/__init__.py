"""The Python interpreters a project targets or runs, against CPython end-of-life and advisories."""
