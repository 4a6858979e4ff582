import pickle
import sys


def main() -> None:
    payload = bytes.fromhex(sys.argv[1])
    print(pickle.loads(payload))  # expect: BST259


if __name__ == "__main__":
    main()
