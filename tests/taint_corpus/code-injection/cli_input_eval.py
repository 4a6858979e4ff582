def main() -> None:
    while True:
        line = input(">>> ")
        if line in {"quit", "exit"}:
            break
        print(eval(line))  # expect: BST250


if __name__ == "__main__":
    main()
