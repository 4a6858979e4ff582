from pathlib import Path


class ExportStore:
    def __init__(self, root: str) -> None:
        self.root = Path(root)

    def read(self, name: str) -> bytes:
        return (self.root / name).read_bytes()  # expect: BST252
