"""Taint analysis: untrusted input followed to dangerous sinks, across functions and modules."""
