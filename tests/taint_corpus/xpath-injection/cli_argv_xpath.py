import sys

from lxml import etree


def main() -> None:
    tree = etree.parse("inventory.xml")
    for node in tree.xpath("//host[@role='%s']" % sys.argv[1]):  # expect: BST257
        print(node.get("name"))


if __name__ == "__main__":
    main()
