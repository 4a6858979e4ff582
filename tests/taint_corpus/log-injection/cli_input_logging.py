import logging

logging.basicConfig(level=logging.INFO)


def main() -> None:
    name = input("Your name: ")
    logging.info("Started by %s", name)  # expect: BST750


if __name__ == "__main__":
    main()
