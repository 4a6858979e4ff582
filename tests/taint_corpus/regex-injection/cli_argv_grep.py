import re
import sys


def grep(pattern: str, path: str) -> None:
    rx = re.compile(pattern)  # expect: BST262
    with open("app.log", encoding="utf-8") as fh:
        for line in fh:
            if rx.search(line):
                print(line, end="")


if __name__ == "__main__":
    grep(sys.argv[1], "app.log")
