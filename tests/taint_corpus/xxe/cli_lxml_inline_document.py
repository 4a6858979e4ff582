import sys

from lxml import etree


def main() -> None:
    document = sys.argv[1]
    parser = etree.XMLParser(resolve_entities=True, no_network=False)
    doc = etree.fromstring(document.encode(), parser)  # expect: BST258
    print(etree.tostring(doc, pretty_print=True).decode())


if __name__ == "__main__":
    main()
