import os
from werkzeug.utils import secure_filename


class LocalStorage:
    def __init__(self, root: str) -> None:
        self.root = root

    def _path(self, key: str) -> str:
        return os.path.join(self.root, secure_filename(key))

    def load(self, key: str) -> bytes:
        with open(self._path(key), "rb") as fh:
            return fh.read()
