"""Generate tests/secrets_corpus/: realistic but invalid fake secrets among decoys, with
expected.json listing file, line and code of every real secret.

Values are random characters in the provider's shape (checksum-bearing formats get a valid
checksum over a random payload), so no value grants access anywhere. Deterministic (seeded):
`python benchmarks/secrets/make_corpus.py` rewrites the same corpus.
"""

from __future__ import annotations

import base64
import itertools
import json
import random
import re
import string
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "secrets_corpus"
rng = random.Random(20261122)

UPPER, LOWER, DIGITS = string.ascii_uppercase, string.ascii_lowercase, string.digits
ALNUM = UPPER + LOWER + DIGITS
B64 = ALNUM + "+/"
URLSAFE = ALNUM + "-_"
HEX = "0123456789abcdef"
BASE62 = DIGITS + UPPER + LOWER


def rand(alphabet: str, n: int) -> str:
    while True:
        value = "".join(rng.choice(alphabet) for _ in range(n))
        if _human_free(value):
            return value


def _human_free(value: str) -> bool:
    """Avoid accidental runs like 'abcdef' that read as typed-in placeholders."""
    up = same = 1
    for a, b in itertools.pairwise(value):
        up = up + 1 if ord(b) == ord(a) + 1 else 1
        same = same + 1 if a == b else 1
        if up >= 5 or same >= 4:
            return False
    return not re.search("(?i)todo|xxx|your|fake|test|example|dummy", value)


def b62(number: int) -> str:
    out = ""
    while number:
        number, r = divmod(number, 62)
        out = BASE62[r] + out
    return out.rjust(6, "0")


def checksummed(prefix: str) -> str:
    body = rand(ALNUM, 30)
    return f"{prefix}_{body}{b62(zlib.crc32(body.encode()))}"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def jwt() -> str:
    header = b64url(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    payload = b64url(json.dumps({"sub": str(rng.randrange(10**6, 10**7)), "role": "service", "iat": 1731000000 + rng.randrange(10**6)}).encode())
    return f"{header}.{payload}.{b64url(rng.randbytes(32))}"


def pem(kind: str = "RSA PRIVATE KEY", lines: int = 12) -> str:
    body = "\n".join(base64.b64encode(rng.randbytes(48)).decode() for _ in range(lines))
    return f"-----BEGIN {kind}-----\n{body}\n-----END {kind}-----"


def password() -> str:
    words = ["Orchid", "Falcon", "Tundra", "Copper", "Harbor", "Maple", "Quartz", "Velvet"]
    return f"{rng.choice(words)}{rng.choice('!#%&*')}{rng.randrange(10, 99)}{rng.choice(words).lower()}{rng.choice('!#%&*')}"


GENERATORS = {
    "aws_id": ("BST450", lambda: "AKIA" + rand(UPPER + "234567", 16)),
    "aws_secret": ("BST450", lambda: rand(B64, 40)),
    "ghp": ("BST451", lambda: checksummed("ghp")),
    "ghs": ("BST451", lambda: checksummed("ghs")),
    "github_pat": ("BST451", lambda: f"github_pat_{rand(ALNUM, 22)}_{rand(ALNUM, 59)}"),
    "glpat": ("BST452", lambda: "glpat-" + rand(URLSAFE, 20)),
    "slack_bot": ("BST453", lambda: f"xoxb-{rng.randrange(10**11, 10**12)}-{rng.randrange(10**12, 10**13)}-{rand(ALNUM, 24)}"),
    "slack_hook": ("BST453", lambda: f"https://hooks.slack.com/services/T{rand(UPPER + DIGITS, 8)}/B{rand(UPPER + DIGITS, 10)}/{rand(ALNUM, 24)}"),
    "stripe": ("BST454", lambda: "sk_live_" + rand(ALNUM, 99)),
    "stripe_rk": ("BST454", lambda: "rk_live_" + rand(ALNUM, 24)),
    "google": ("BST455", lambda: "AIza" + rand(URLSAFE, 35)),
    "azure_key": ("BST457", lambda: base64.b64encode(rng.randbytes(64)).decode()),
    "azure_sig": ("BST457", lambda: base64.b64encode(rng.randbytes(32)).decode().replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")),
    "twilio": ("BST458", lambda: "SK" + rand(HEX, 32)),
    "twilio_token": ("BST458", lambda: rand(HEX, 32)),
    "sendgrid": ("BST459", lambda: f"SG.{rand(URLSAFE, 22)}.{rand(URLSAFE, 43)}"),
    "openai": ("BST460", lambda: f"sk-proj-{rand(URLSAFE, 74)}T3BlbkFJ{rand(URLSAFE, 74)}"),
    "anthropic": ("BST461", lambda: f"sk-ant-api03-{rand(URLSAFE, 93)}AA"),
    "pypi": ("BST462", lambda: "pypi-AgEIcHlwaS5vcmc" + rand(URLSAFE, 140)),
    "npm": ("BST463", lambda: checksummed("npm")),
    "jwt": ("BST464", jwt),
    "hf": ("BST465", lambda: "hf_" + rand(UPPER + LOWER, 34)),
    "telegram": ("BST466", lambda: f"{rng.randrange(10**8, 10**9)}:AA{rand(URLSAFE, 33)}"),
    "sa_key": ("BST456", lambda: pem("PRIVATE KEY", 20).replace("\n", "\\n") + "\\n"),
    "gocspx": ("BST467", lambda: "GOCSPX-" + rand(URLSAFE, 28)),
    "entra": ("BST468", lambda: rand(ALNUM, 3) + rng.choice(DIGITS) + "Q~" + rand(ALNUM + "_~.-", 34)),
    "shopify": ("BST469", lambda: "shpat_" + rand(HEX, 32)),
    "mailgun": ("BST470", lambda: "key-" + rand(HEX, 32)),
    "digitalocean": ("BST472", lambda: "dop_v1_" + rand(HEX, 64)),
    "discord_hook": ("BST473", lambda: f"https://discord.com/api/webhooks/{rng.randrange(10**17, 10**18)}/{rand(URLSAFE, 68)}"),
    "databricks": ("BST474", lambda: "dapi" + rand(HEX, 32)),
    "vault": ("BST475", lambda: "hvs." + rand(URLSAFE, 91)),
    "age": ("BST477", lambda: "AGE-SECRET-KEY-1" + rand("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58)),
    "newrelic": ("BST479", lambda: "NRAK-" + rand(UPPER + DIGITS, 27)),
    "pem_b64": ("BST491", lambda: base64.b64encode(pem("PRIVATE KEY", 10).encode()).decode()),
    "mailchimp": ("BST483", lambda: rand(HEX, 32) + "-us" + str(rng.randrange(1, 21))),
    "rsa": ("BST491", lambda: pem()),
    "openssh": ("BST491", lambda: pem("OPENSSH PRIVATE KEY", 8)),
    "ec": ("BST491", lambda: pem("EC PRIVATE KEY", 4)),
    "db_password": ("BST492", password),
    "password": ("BST490", password),
    "secret": ("BST490", lambda: rand(ALNUM + "!@#$%^&*(-_=+)", 50)),
    "token": ("BST490", lambda: rand(ALNUM, 40)),
    "hex_secret": ("BST490", lambda: rand(HEX, 64)),
}

MARKER = re.compile(r"@@(\w+)@@")
DECOY = re.compile(r" ?~~decoy:([\w-]+)~~")


def render(template: str, expected: list[dict], decoys: list[dict], path: str, fixture: bool = False) -> str:
    """Replace @@kind@@ markers by fresh values and remember where each real one lands; strip
    ~~decoy:category~~ markers, recording the decoy's line."""
    values: list[tuple[str, str]] = []
    lines = template.split("\n")
    for number, line in enumerate(lines, 1):
        for match in DECOY.finditer(line):
            decoys.append({"file": path, "line": number, "category": match.group(1)})
        if fixture and MARKER.search(line):
            decoys.append({"file": path, "line": number, "category": "test-fixture"})
    template = DECOY.sub("", template)

    def replace(match: re.Match[str]) -> str:
        kind = match.group(1)
        code, make = GENERATORS[kind]
        value = make()
        values.append((code, value))
        return value

    text = MARKER.sub(replace, template)
    if not fixture:
        for code, value in values:
            anchor = json.dumps(value)[1:-1] if path.endswith(".ipynb") else value
            offset = text.index(anchor)
            expected.append({"file": path, "line": text.count("\n", 0, offset) + 1, "code": code})
    return text


def notebook(cells: list[tuple[str, str, list[str]]]) -> str:
    document = {
        "cells": [
            {
                "cell_type": kind,
                "metadata": {},
                "source": [line + "\n" for line in source.split("\n")],
                **({"execution_count": 1, "outputs": [{"name": "stdout", "output_type": "stream", "text": outputs}]} if kind == "code" else {}),
            }
            for kind, source, outputs in cells
        ],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    return json.dumps(document, indent=1)


PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(600))).decode()
SHA = lambda: rand(HEX, 64)  # noqa: E731
SHA1 = lambda: rand(HEX, 40)  # noqa: E731
UUID = lambda: f"{rand(HEX, 8)}-{rand(HEX, 4)}-4{rand(HEX, 3)}-a{rand(HEX, 3)}-{rand(HEX, 12)}"  # noqa: E731
SSH_PUB = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + base64.b64encode(rng.randbytes(32)).decode().rstrip("=") + " deploy@ci"


def files() -> dict[str, str]:
    from templates import templates  # the corpus text, kept beside this script

    return templates(
        notebook=notebook, png=PNG, sha=SHA, sha1=SHA1, uuid=UUID,
        ssh_pub=SSH_PUB, pem=pem, rand=rand,
    )


def main() -> int:
    """`make_corpus.py [--seed N --out DIR]`: other seeds give other values in the same files."""
    global CORPUS, PNG, SSH_PUB
    if "--seed" in sys.argv:
        rng.seed(int(sys.argv[sys.argv.index("--seed") + 1]))
        PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n" + rng.randbytes(600)).decode()
        SSH_PUB = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + base64.b64encode(rng.randbytes(32)).decode().rstrip("=") + " deploy@ci"
    if "--out" in sys.argv:
        CORPUS = Path(sys.argv[sys.argv.index("--out") + 1]).resolve()
    sys.path.insert(0, str(Path(__file__).parent))
    expected: list[dict] = []
    decoys: list[dict] = []
    if CORPUS.exists():
        for old in sorted(CORPUS.rglob("*"), reverse=True):
            old.unlink() if old.is_file() else old.rmdir()
    for path, template in files().items():
        fixture = path.startswith("tests/") or "/fixtures/" in path
        text = render(template, expected, decoys, path, fixture)
        target = CORPUS / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    # The corpus holds test-looking files that must never be collected by pytest.
    (CORPUS / "conftest.py").write_text('collect_ignore_glob = ["*"]\n', encoding="utf-8")
    expected.sort(key=lambda e: (e["file"], e["line"]))
    (CORPUS / "expected.json").write_text(json.dumps(expected, indent=1) + "\n", encoding="utf-8")
    (CORPUS / "decoys.json").write_text(json.dumps(decoys, indent=1) + "\n", encoding="utf-8")
    kinds = {e["code"] for e in expected}
    types = {Path(e["file"]).suffix or Path(e["file"]).name for e in expected}
    print(f"{len(expected)} secrets of {len(kinds)} rules in {len(types)} file types; {len(decoys)} decoys")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
