from lxml import etree


def parse_document(data: bytes):
    parser = etree.XMLParser(resolve_entities=True, dtd_validation=True)
    return etree.fromstring(data, parser)  # expect: BST258
