import gzip
import json


def load_snapshot(upload):
    with gzip.open(upload) as fh:
        return json.load(fh)
