"""Readers of the files that name Python versions: each returns the `Target`s it finds, with lines."""
