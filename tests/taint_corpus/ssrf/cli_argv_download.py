import sys
import urllib.request


def download(url: str, dest: str) -> None:
    urllib.request.urlretrieve(url, dest)  # expect: BST254


if __name__ == "__main__":
    download(sys.argv[1], "download.bin")
