import subprocess
import sys


def archive(folder: str) -> None:
    subprocess.run("zip -r archive.zip " + folder, shell=True, check=True)  # expect: BST251


if __name__ == "__main__":
    archive(sys.argv[1])
