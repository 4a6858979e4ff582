"""Runs the startup file named by the environment, as the Python REPL does: the operator's choice."""

import os


def run_startup(namespace: dict) -> None:
    startup = os.environ.get("PYTHONSTARTUP")
    if startup and os.path.isfile(os.path.expanduser(startup)):
        with open(os.path.expanduser(startup)) as handle:
            source = handle.read()
        namespace["__startup__"] = source


def config_path() -> str:
    base = os.getenv("XDG_CONFIG_HOME", os.path.expanduser("~/.config"))
    return open(os.path.join(base, "tool", "settings.ini")).read()
