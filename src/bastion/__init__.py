"""Bastion: a Python application-security checker covering eight secure-development practices."""

__version__ = "0.1.0"
