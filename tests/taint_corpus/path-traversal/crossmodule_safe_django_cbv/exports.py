import os
from pathlib import Path


class ExportStore:
    def __init__(self, root: str) -> None:
        self.root = Path(root)

    def read(self, name: str) -> bytes:
        return (self.root / os.path.basename(name)).read_bytes()
