import gzip
import pickle


def load_snapshot(upload):
    with gzip.open(upload) as fh:
        return pickle.load(fh)  # expect: BST259
