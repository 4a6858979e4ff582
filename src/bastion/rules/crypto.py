"""Broken ciphers and modes, constant IVs and nonces, small keys, and the unmaintained PyCrypto."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from bastion.engine.astutil import argument, keyword
from bastion.engine.context import Context
from bastion.model import Finding, Severity
from bastion.rules._values import constant_source
from bastion.rules.registry import rule

_CRYPTOGRAPHY = "cryptography.hazmat.primitives.ciphers"
_DECREPIT = "cryptography.hazmat.decrepit.ciphers"
_WEAK_ALGORITHMS = {
    "TripleDES": "3DES",
    "ARC4": "RC4",
    "Blowfish": "Blowfish",
    "IDEA": "IDEA",
    "CAST5": "CAST5",
    "RC2": "RC2",
    "SEED": "SEED",
}
_WEAK_PYCRYPTO = {"DES": "DES", "DES3": "3DES", "ARC4": "RC4", "ARC2": "RC2", "Blowfish": "Blowfish", "CAST": "CAST5", "XOR": "XOR", "IDEA": "IDEA"}
WEAK_CIPHER_CALLS: dict[str, str] = {
    **{f"{base}.algorithms.{name}": label for base in (_CRYPTOGRAPHY, _DECREPIT) for name, label in _WEAK_ALGORITHMS.items()},
    **{f"{package}.Cipher.{name}.new": label for package in ("Crypto", "Cryptodome") for name, label in _WEAK_PYCRYPTO.items()},
    "pyDes.des": "DES",
    "pyDes.triple_des": "3DES",
}
# Cipher-string fragments that enable broken suites in OpenSSL cipher lists.
_WEAK_SUITES = ("RC4", "DES", "3DES", "NULL", "EXPORT", "EXP-", "MD5", "aNULL", "eNULL", "ADH", "AECDH", "IDEA", "RC2", "SEED")


@rule(
    "BST405",
    "weak-cipher",
    summary="Broken or obsolete cipher (DES, 3DES, RC4, Blowfish, IDEA, CAST5, RC2)",
    calls=WEAK_CIPHER_CALLS.keys(),
    attrs=("set_ciphers", "set_cipher_list"),
    severity="high",
    confidence="high",
    cwe=327,
    owasp="A02",
)
def weak_cipher(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags DES, Triple DES, RC4 (ARC4), RC2, Blowfish, IDEA and CAST5 from `cryptography`
    (including its `decrepit` package), PyCryptodome and PyCrypto (`Crypto.Cipher`, `Cryptodome.Cipher`)
    and `pyDes`, and OpenSSL cipher strings given to `SSLContext.set_ciphers` or pyOpenSSL's
    `Context.set_cipher_list` that enable RC4, DES, NULL, EXPORT or anonymous suites.

    ## Why is this bad?
    DES keys can be brute-forced in hours; 64-bit block ciphers (3DES, Blowfish, IDEA, CAST5) leak
    plaintext after a few gigabytes under one key (Sweet32); RC4's keystream is biased enough to
    recover plaintext from TLS sessions. Data they protect should be treated as unprotected.

    ## Example
    ```python
    from Crypto.Cipher import DES3
    cipher = DES3.new(key, DES3.MODE_CBC, iv)
    ```

    ## Use instead
    Authenticated encryption with a modern cipher:
    ```python
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    ciphertext = AESGCM(key).encrypt(os.urandom(12), data, None)
    ```

    ## References
    - https://sweet32.info/
    - https://www.rfc-editor.org/rfc/rfc7465 (prohibiting RC4 in TLS)
    - https://cryptography.io/en/latest/hazmat/decrepit/
    - https://cwe.mitre.org/data/definitions/327.html
    """
    name = ctx.call_name(call)
    if name in WEAK_CIPHER_CALLS:
        label = WEAK_CIPHER_CALLS[name]
        yield ctx.finding(call, f"{label} is a broken cipher (`{ctx.source.segment(call.func)}`); use AES-GCM or ChaCha20-Poly1305")
        return
    if isinstance(call.func, ast.Attribute) and call.func.attr in {"set_ciphers", "set_cipher_list"}:
        value = ctx.constant(argument(call, 0))
        if isinstance(value, bytes):
            value = value.decode("latin-1")
        if isinstance(value, str):
            enabled = _enabled_weak_suites(value)
            if enabled:
                yield ctx.finding(call, f"the cipher list enables broken suites ({', '.join(enabled)})")


def _enabled_weak_suites(cipher_list: str) -> list[str]:
    found: list[str] = []
    for item in cipher_list.replace(",", ":").replace(" ", ":").split(":"):
        if not item or item[0] in "!-":
            continue
        for part in item.lstrip("+").split("+"):
            for suite in _WEAK_SUITES:
                matches = suite == part or part.startswith(suite + "-") or part.endswith("-" + suite) or f"-{suite}-" in part
                if matches and suite not in found:
                    found.append(suite)
    return found


_ECB_MODES = frozenset(
    {f"{package}.Cipher.{cipher}.MODE_ECB" for package in ("Crypto", "Cryptodome") for cipher in ("AES", "DES", "DES3", "Blowfish", "CAST", "ARC2")}
    | {f"{_CRYPTOGRAPHY}.modes.ECB", f"{_DECREPIT}.modes.ECB"}
)


_PYCRYPTO_BLOCK_NEW = frozenset(f"Crypto.Cipher.{cipher}.new" for cipher in ("AES", "DES", "DES3", "Blowfish", "CAST", "ARC2"))


@rule(
    "BST406",
    "ecb-mode",
    summary="Block cipher used in ECB mode",
    nodes=(ast.Attribute, ast.Name, ast.Call),
    calls=_PYCRYPTO_BLOCK_NEW,
    attrs=("ECB", "MODE_ECB"),
    severity="high",
    confidence="high",
    cwe=327,
    owasp="A02",
)
def ecb_mode(node: ast.Attribute | ast.Name | ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags `modes.ECB()` from `cryptography` and `MODE_ECB` from PyCryptodome/PyCrypto when used to
    build a cipher (not when merely compared against), and PyCrypto's `AES.new(key)` without a mode,
    which defaults to ECB there.

    ## Why is this bad?
    ECB encrypts equal plaintext blocks to equal ciphertext blocks, so structure shows through
    (the "ECB penguin"), blocks can be cut, reordered and replayed, and with attacker-chosen
    prefixes the plaintext can be recovered byte by byte.

    ## Example
    ```python
    cipher = AES.new(key, AES.MODE_ECB)
    ```

    ## Use instead
    ```python
    cipher = AES.new(key, AES.MODE_GCM)  # a fresh random nonce is generated
    ```

    ## References
    - https://en.wikipedia.org/wiki/Block_cipher_mode_of_operation#ECB
    - https://cwe.mitre.org/data/definitions/327.html
    """
    if isinstance(node, ast.Call):
        if len(node.args) == 1 and not node.keywords and ctx.call_name(node) in _PYCRYPTO_BLOCK_NEW:
            yield ctx.finding(node, f"`{ctx.source.segment(node.func)}(key)` without a mode uses ECB in PyCrypto")
        return
    spelled = node.attr if isinstance(node, ast.Attribute) else node.id
    if spelled not in {"ECB", "MODE_ECB"}:
        return
    if isinstance(ctx.parent, (ast.Compare, ast.Attribute)) or ctx.qualname(node) not in _ECB_MODES:
        return
    yield ctx.finding(node, f"`{ctx.source.segment(node)}` (ECB) encrypts equal blocks identically and leaks patterns")


_MODE_WITH_IV = {"CBC": 0, "CTR": 0, "OFB": 0, "CFB": 0, "CFB8": 0, "GCM": 0, "XTS": 0}
_AEAD_TYPES = ("AESGCM", "ChaCha20Poly1305", "AESCCM", "AESOCB3", "AESGCMSIV")
STATIC_IV_CALLS = frozenset(
    {f"{_CRYPTOGRAPHY}.modes.{mode}" for mode in _MODE_WITH_IV}
    | {f"{_CRYPTOGRAPHY}.algorithms.ChaCha20"}
    | {f"{_CRYPTOGRAPHY}.aead.{kind}().encrypt" for kind in _AEAD_TYPES}
    | {f"{package}.Cipher.{cipher}.new" for package in ("Crypto", "Cryptodome") for cipher in ("AES", "DES3", "ChaCha20", "ChaCha20_Poly1305", "Salsa20", "Blowfish", "CAST", "ARC2", "DES")}
)


def _iv_argument(ctx: Context, call: ast.Call, name: str) -> ast.expr | None:
    if name.endswith(".algorithms.ChaCha20"):
        return argument(call, 1, "nonce")
    if name.endswith("().encrypt"):
        return argument(call, 0, "nonce")
    if name.startswith(_CRYPTOGRAPHY):
        mode = name.rsplit(".", 1)[1]
        return argument(call, 0, "tweak" if mode == "XTS" else "nonce" if mode == "CTR" else "initialization_vector")
    # PyCryptodome: new(key, mode, iv) or iv=/nonce=/IV= keywords
    for key in ("iv", "IV", "nonce"):
        found = keyword(call, key)
        if found is not None:
            return found
    return argument(call, 2)


@rule(
    "BST407",
    "static-iv",
    summary="Constant initialisation vector or nonce passed to a cipher",
    calls=STATIC_IV_CALLS,
    severity="high",
    confidence="high",
    cwe=329,
    owasp="A02",
)
def static_iv(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags IVs and nonces that are the same on every run: byte or string literals, `b"\\x00" * 16`,
    `bytes(16)`, module-level constants, and local variables only ever assigned such literals, passed
    to `cryptography` modes (`CBC`, `CTR`, `GCM`, `OFB`, `CFB`, `XTS`), ChaCha20, the AEAD classes'
    `encrypt`, or PyCryptodome's `new(key, mode, iv)`.

    ## Why is this bad?
    A reused nonce breaks CTR, GCM and ChaCha20 completely: two messages XOR to the XOR of their
    plaintexts and GCM's authentication key can be recovered, allowing forgeries. A fixed CBC IV
    reveals whether messages share a prefix and enables chosen-plaintext attacks.

    ## Example
    ```python
    IV = b"0123456789abcdef"
    cipher = Cipher(algorithms.AES(key), modes.CBC(IV))
    ```

    ## Use instead
    A fresh random value for every message, sent alongside the ciphertext:
    ```python
    iv = os.urandom(16)
    cipher = Cipher(algorithms.AES(key), modes.CBC(iv))
    ```

    ## References
    - https://cwe.mitre.org/data/definitions/329.html
    - https://cwe.mitre.org/data/definitions/323.html
    - https://cryptography.io/en/latest/hazmat/primitives/symmetric-encryption/#modes

    ## Known limitations
    Only values visible in the same function or module are followed; a constant passed in as an
    argument is not seen.
    """
    name = ctx.call_name(call)
    if name is None:
        return
    value = _iv_argument(ctx, call, name)
    if value is None or (name.endswith(".new") and ctx.qualname(value) in _ECB_MODES):
        return
    literal = constant_source(ctx, value)
    if literal is None:
        return
    described = ctx.source.segment(value)
    origin = "" if literal is value else f" (always `{ctx.source.segment(literal)[:40]}`)"
    yield ctx.finding(value, f"the IV/nonce `{described}`{origin} is the same for every message; generate a random one each time")


_RSA_DSA_CALLS = {
    "cryptography.hazmat.primitives.asymmetric.rsa.generate_private_key": ("RSA", 1, "key_size"),
    "cryptography.hazmat.primitives.asymmetric.dsa.generate_private_key": ("DSA", 0, "key_size"),
    "cryptography.hazmat.primitives.asymmetric.dsa.generate_parameters": ("DSA", 0, "key_size"),
    "cryptography.hazmat.primitives.asymmetric.dh.generate_parameters": ("DH", 1, "key_size"),
    "Crypto.PublicKey.RSA.generate": ("RSA", 0, "bits"),
    "Crypto.PublicKey.DSA.generate": ("DSA", 0, "bits"),
    "Cryptodome.PublicKey.RSA.generate": ("RSA", 0, "bits"),
    "Cryptodome.PublicKey.DSA.generate": ("DSA", 0, "bits"),
    "rsa.newkeys": ("RSA", 0, "nbits"),
    "paramiko.RSAKey.generate": ("RSA", 0, "bits"),
    "paramiko.rsakey.RSAKey.generate": ("RSA", 0, "bits"),
    "paramiko.DSSKey.generate": ("DSA", 0, "bits"),
    "paramiko.dsskey.DSSKey.generate": ("DSA", 0, "bits"),
}
_EC_GENERATE = "cryptography.hazmat.primitives.asymmetric.ec.generate_private_key"
_SMALL_CURVES = {
    "SECP192R1": 192, "SECT163K1": 163, "SECT163R2": 163, "SECT233K1": 233, "SECT233R1": 233,
    "BrainpoolP160R1": 160, "BrainpoolP192R1": 192, "SECP160R1": 160,
}
_OPENSSL_TYPES = {"OpenSSL.crypto.TYPE_RSA": "RSA", "OpenSSL.crypto.TYPE_DSA": "DSA"}


@rule(
    "BST408",
    "weak-key-size",
    summary="RSA, DSA or DH key shorter than 2048 bits, or an elliptic curve under 224 bits",
    calls=[*_RSA_DSA_CALLS, _EC_GENERATE],
    attrs=("generate_key",),
    severity="high",
    confidence="high",
    cwe=326,
    owasp="A02",
)
def weak_key_size(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags key generation with RSA, DSA or DH under 2048 bits (`cryptography`, PyCryptodome,
    PyCrypto, `rsa`, paramiko, pyOpenSSL's `PKey.generate_key`) and elliptic-curve keys on curves under
    224 bits (`SECP192R1`, `SECT163K1`, ...). Keys under 1024 bits are high severity, others medium.

    ## Why is this bad?
    1024-bit RSA and DSA are within reach of well-funded attackers and are rejected by NIST
    (SP 800-131A) since 2013; 512-bit RSA can be factored in hours on rented machines. Small curves
    offer less than the 112-bit security level now required.

    ## Example
    ```python
    key = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    ```

    ## Use instead
    ```python
    key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    # or: ec.generate_private_key(ec.SECP256R1()), ed25519.Ed25519PrivateKey.generate()
    ```

    ## References
    - https://csrc.nist.gov/pubs/sp/800/131/a/r2/final
    - https://www.keylength.com/
    - https://cwe.mitre.org/data/definitions/326.html
    """
    name = ctx.call_name(call)
    if name == _EC_GENERATE:
        curve = argument(call, 0, "curve")
        curve_name = (ctx.qualname(curve.func if isinstance(curve, ast.Call) else curve) or "").rsplit(".", 1)[-1]
        bits = _SMALL_CURVES.get(curve_name)
        if bits is not None:
            yield ctx.finding(call, f"the curve {curve_name} gives {bits}-bit keys; use SECP256R1 or larger", severity=Severity.MEDIUM)
        return
    if name in _RSA_DSA_CALLS:
        algorithm, position, key = _RSA_DSA_CALLS[name]
        size = ctx.constant(argument(call, position, key))
        if algorithm == "DSA" and name.startswith("paramiko") and size is ...:
            size = 1024 if argument(call, position, key) is None else size  # paramiko's DSS keys default to 1024 bits
    elif isinstance(call.func, ast.Attribute) and call.func.attr == "generate_key":
        algorithm = _OPENSSL_TYPES.get(ctx.qualname(argument(call, 0, "type")) or "")
        size = ctx.constant(argument(call, 1, "bits"))
        if algorithm is None:
            return
    else:
        return
    if isinstance(size, int) and not isinstance(size, bool) and size < 2048:
        severity = Severity.HIGH if size < 1024 else Severity.MEDIUM
        yield ctx.finding(call, f"{size}-bit {algorithm} keys are too weak; use at least 2048 bits (3072 recommended)", severity=severity)


# Modules only PyCryptodome has: their presence means `Crypto` is PyCryptodome, not PyCrypto.
_PYCRYPTODOME_ONLY = (
    "Crypto.Util.Padding", "Crypto.Cipher.ChaCha20_Poly1305", "Crypto.Cipher.ChaCha20", "Crypto.Protocol.KDF",
    "Crypto.Hash.SHA3_", "Crypto.Hash.BLAKE2", "Crypto.Hash.keccak", "Crypto.Hash.SHAKE", "Crypto.PublicKey.ECC",
    "Crypto.Signature.eddsa", "Crypto.Signature.DSS", "Crypto.Signature.pss", "Crypto.Signature.pkcs1_15", "Crypto.Cipher.PKCS1_OAEP",
    "Crypto.Math", "Crypto.IO",
)


def _imported_modules(node: ast.Import | ast.ImportFrom) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level or not node.module:
        return []
    return [f"{node.module}.{alias.name}" for alias in node.names]


def _file_uses_pycryptodome(ctx: Context) -> bool:
    for node in ctx.source.tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            for module in _imported_modules(node):
                if module.startswith(_PYCRYPTODOME_ONLY) or module.startswith("Cryptodome"):
                    return True
    return "MODE_GCM" in ctx.source.text or "MODE_EAX" in ctx.source.text


@rule(
    "BST409",
    "pycrypto-import",
    summary="Import of PyCrypto (`Crypto`), unmaintained since 2013",
    nodes=(ast.Import, ast.ImportFrom),
    severity="medium",
    confidence="low",
    cwe=1104,
    owasp="A06",
)
def pycrypto_import(node: ast.Import | ast.ImportFrom, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags imports from the `Crypto` package, PyCrypto's namespace, unless the file also uses modules
    that only PyCryptodome (its maintained, drop-in successor, which shares the namespace) provides.

    ## Why is this bad?
    PyCrypto has had no release since 2013 and has known vulnerabilities, such as the heap overflow
    in `ALGnew` (CVE-2013-7459), that will never be fixed.

    ## Example
    ```python
    from Crypto.Cipher import AES
    ```

    ## Use instead
    Install PyCryptodome; to make the choice explicit, use its separate namespace
    (`pycryptodomex`):
    ```python
    from Cryptodome.Cipher import AES
    ```

    ## References
    - https://github.com/pycrypto/pycrypto/issues/176
    - https://nvd.nist.gov/vuln/detail/CVE-2013-7459
    - https://www.pycryptodome.org/src/installation

    ## Known limitations
    PyCryptodome installed as a drop-in replacement also uses the `Crypto` namespace; the rule
    cannot tell which package is installed from one file, so its confidence is low.
    """
    modules = [m for m in _imported_modules(node) if m == "Crypto" or m.startswith("Crypto.")]
    if not modules or _file_uses_pycryptodome(ctx):
        return
    yield ctx.finding(node, f"`{modules[0]}` comes from PyCrypto, which is unmaintained; use PyCryptodome (`Cryptodome`)")
