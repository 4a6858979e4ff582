import pickle
import zlib


def restore(blob):
    entries = pickle.loads(zlib.decompress(blob))  # expect: BST259
    return len(entries)
