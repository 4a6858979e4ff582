import sys


def count_lines(path: str) -> int:
    with open(path) as fh:  # expect: BST252
        return sum(1 for _ in fh)


if __name__ == "__main__":
    print(count_lines(sys.argv[1]))
