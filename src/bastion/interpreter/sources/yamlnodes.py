"""YAML read as a node graph (PyYAML's `compose`): values stay the text as written (`3.10` is not the
float 3.1) and every node knows its line and column."""

from __future__ import annotations

from collections.abc import Iterator

from bastion.interpreter.model import SourceError

MAX_NODES = 200_000  # aliases let a small document describe a huge graph; stop walking long before


def compose(text: str):
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        documents = [document for document in yaml.compose_all(text, Loader=loader) if document is not None]
        # GitLab CI/CD components put a `spec:` header document before the configuration.
        return documents[-1] if documents else None
    except (yaml.YAMLError, RecursionError) as error:
        raise SourceError(f"not valid YAML: {str(error).splitlines()[0] if str(error) else error}") from None
    except ValueError as error:
        raise SourceError(f"not valid YAML: {error}") from None


def is_mapping(node) -> bool:
    return node is not None and node.id == "mapping"


def is_sequence(node) -> bool:
    return node is not None and node.id == "sequence"


def is_scalar(node) -> bool:
    return node is not None and node.id == "scalar"


def items(node) -> Iterator[tuple[str, object]]:
    """(key text, value node) of a mapping; nothing for other nodes."""
    if not is_mapping(node):
        return
    for key, value in node.value:
        if is_scalar(key):
            yield key.value, value


def get(node, key: str):
    for name, value in items(node):
        if name == key:
            return value
    return None


def elements(node) -> list:
    return list(node.value) if is_sequence(node) else []


def scalar_text(node) -> str | None:
    return node.value if is_scalar(node) else None


def position(node) -> tuple[int, int]:
    """1-based line and 0-based column where the node's text starts (inside quotes)."""
    mark = node.start_mark
    quoted = is_scalar(node) and node.style in ("'", '"')
    return mark.line + 1, mark.column + (1 if quoted else 0)
