import os


def main() -> None:
    package = input("Package to install: ")
    os.system(f"pip install {package}")  # expect: BST251


if __name__ == "__main__":
    main()
