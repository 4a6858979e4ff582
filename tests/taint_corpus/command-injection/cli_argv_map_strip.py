import subprocess
import sys


def main() -> None:
    hosts = list(map(str.strip, sys.argv[1:]))
    for host in hosts:
        subprocess.run("ssh " + host + " uptime", shell=True)  # expect: BST251


if __name__ == "__main__":
    main()
