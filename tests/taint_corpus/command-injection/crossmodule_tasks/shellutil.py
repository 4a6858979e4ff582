import subprocess


def run_shell(command: str) -> int:
    return subprocess.call(command, shell=True)  # expect: BST251
