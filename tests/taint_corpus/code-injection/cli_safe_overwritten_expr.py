import sys


def main() -> None:
    expr = sys.argv[1] if len(sys.argv) > 1 else "0"
    expr = "sum(range(10))"
    print(eval(expr))


if __name__ == "__main__":
    main()
