import subprocess
import sys


def archive(folder: str) -> None:
    subprocess.run(["zip", "-r", "archive.zip", folder], check=True)


if __name__ == "__main__":
    archive(sys.argv[1])
