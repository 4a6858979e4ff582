import shlex
import subprocess


def safe_name(value: str) -> str:
    return shlex.quote(value)


def run_shell(command: str) -> int:
    return subprocess.call(command, shell=True)
