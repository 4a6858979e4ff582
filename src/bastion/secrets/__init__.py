"""Hardcoded secrets in every text file of the project; values are always redacted."""
