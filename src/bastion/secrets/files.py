"""Which files are scanned for secrets, and as what kind of text.

Every text file of the project is; lock files and hash lists (their long hex and base64 values are
digests, not credentials), binary files and files over the size cap are not.
"""

from __future__ import annotations

import fnmatch
import os
import re

DEFAULT_SIZE_CAP = 2 * 1024 * 1024

LOCK_FILES = frozenset(
    {"poetry.lock", "uv.lock", "pdm.lock", "package-lock.json", "npm-shrinkwrap.json", "yarn.lock",
     "pnpm-lock.yaml", "Pipfile.lock", "Cargo.lock", "composer.lock", "Gemfile.lock", "go.sum",
     "pixi.lock", "conda-lock.yml", "bun.lockb", "flake.lock", "mix.lock", "packages.lock.json",
     "SHA256SUMS", "SHA512SUMS", "MD5SUMS", "SHA1SUMS", "RECORD", "known_hosts"}
)
HASH_LIST_GLOBS = ("*.sum", "*.sha256", "*.sha512", "*.md5", "*.sha1", "*.asc", "*.sig", "*.lock", "*.min.js", "*.min.css", "*.map")
# Generated data that never holds configuration: gettext translation catalogs.
DATA_GLOBS = ("*.po", "*.pot")
BINARY_SUFFIXES = frozenset(
    {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".ico", ".icns", ".webp", ".tif", ".tiff", ".psd",
     ".pdf", ".zip", ".gz", ".tgz", ".bz2", ".xz", ".zst", ".7z", ".rar", ".tar", ".whl", ".egg",
     ".jar", ".war", ".class", ".so", ".dylib", ".dll", ".exe", ".bin", ".o", ".a", ".lib", ".pyc",
     ".pyo", ".pyd", ".mo", ".woff", ".woff2", ".ttf", ".otf", ".eot", ".mp3", ".mp4", ".wav",
     ".ogg", ".flac", ".avi", ".mov", ".mkv", ".webm", ".sqlite", ".sqlite3", ".db", ".parquet",
     ".pkl", ".pickle", ".npy", ".npz", ".h5", ".onnx", ".pt", ".safetensors", ".xlsx", ".xls",
     ".docx", ".doc", ".pptx", ".odt", ".ods", ".der", ".p12", ".pfx", ".jks", ".keystore", ".svgz"}
)
_KINDS = (
    (re.compile(r".*\.(?:py|pyw|pyi)$"), "python"),
    (re.compile(r".*\.ipynb$"), "notebook"),
    (re.compile(r"(?:.*/)?\.env(?:\..*)?$|.*\.env$"), "env"),
    (re.compile(r"(?:.*/)?[._]netrc$"), "netrc"),
    (re.compile(r".*\.(?:ini|cfg|conf|properties|cnf)$|(?:.*/)?(?:\.pypirc|\.npmrc|\.pgpass|\.git-credentials|credentials|\.s3cfg|\.boto)$"), "ini"),
    (re.compile(r".*\.toml$"), "toml"),
    (re.compile(r".*\.ya?ml$"), "yaml"),
    (re.compile(r".*\.json$"), "json"),
    (re.compile(r"(?:.*/)?(?:Dockerfile|Containerfile)(?:\..*)?$|.*\.dockerfile$"), "dockerfile"),
    (re.compile(r".*\.(?:sh|bash|zsh|ksh|fish)$|(?:.*/)?\.(?:bashrc|zshrc|profile|bash_profile|envrc)$"), "shell"),
    (re.compile(r".*\.(?:tf|tfvars|hcl)$"), "terraform"),
    (re.compile(r".*\.(?:js|mjs|cjs|jsx|ts|tsx|java|kt|go|rb|php|cs|c|h|cc|cpp|rs|swift|scala|groovy|gradle|lua|pl|r|dart)$"), "code"),
    (re.compile(r".*\.(?:md|markdown|rst|txt|adoc|asciidoc)$|(?:.*/)?(?:README|CHANGELOG|CHANGES|HISTORY|NEWS)[^/]*$|.*PKG-INFO$", re.IGNORECASE), "docs"),
)


# Each list of globs as one pattern: a name is tested once per list, not once per glob.
_HASH_LIST = re.compile("|".join(fnmatch.translate(glob) for glob in HASH_LIST_GLOBS))
_DATA = re.compile("|".join(fnmatch.translate(glob) for glob in DATA_GLOBS))


def kind_of(path: str) -> str:
    """The assignment syntax a file uses: python, notebook, env, ini, toml, yaml, json, dockerfile,
    shell, terraform, code (other programming languages), docs (prose), or text for anything else."""
    normalised = path.replace(os.sep, "/")
    for pattern, kind in _KINDS:
        if pattern.fullmatch(normalised):
            return kind
    return "text"


def skip_reason(path: str) -> str | None:
    """Why a file is not scanned, judged by its name alone (None: scan it)."""
    name = os.path.basename(path)
    if name in LOCK_FILES:
        return "lock file"
    if _HASH_LIST.match(name):
        return "hash list or generated file"
    if _DATA.match(name):
        return "translation catalog"
    suffix = os.path.splitext(name)[1].lower()
    if suffix in BINARY_SUFFIXES:
        return "binary"
    return None


def skip_content(path: str, data: bytes) -> str | None:
    """Why a file is not scanned, judged by its content (None: scan it)."""
    if b"\x00" in data[:8192]:
        return "binary"
    name = os.path.basename(path).lower()
    if name.startswith("requirements") and b"--hash=" in data:
        return "requirements with hashes"
    return None


def decode(data: bytes) -> str:
    """Text of a file; undecodable bytes are replaced, so a stray byte never hides a secret."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    return data.decode("utf-8", errors="replace")
