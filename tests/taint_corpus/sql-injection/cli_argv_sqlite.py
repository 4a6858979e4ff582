import sqlite3
import sys


def main() -> None:
    customer = sys.argv[1]
    conn = sqlite3.connect("local.db")
    for row in conn.execute("SELECT * FROM orders WHERE customer = '%s'" % customer):  # expect: BST550
        print(row)


if __name__ == "__main__":
    main()
