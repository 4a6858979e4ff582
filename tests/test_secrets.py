"""Secret detection, piece by piece: detectors and their validators, placeholders, names, entropy,
file selection, redaction. Values are built at run time so this file holds no literal secrets."""

from __future__ import annotations

import base64
import json
import random
import string
import zlib

import pytest

from bastion.secrets import context, files, placeholders
from bastion.secrets.detectors import base62, crc32_token_checksum, jwt_structure
from bastion.secrets.entropy import charset, looks_random, shannon
from bastion.secrets.redact import redact
from bastion.secrets.scanner import Options, scan_text

rng = random.Random(7)
ALNUM = string.ascii_letters + string.digits


def rand(n: int, alphabet: str = ALNUM) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def github(prefix: str = "ghp", valid: bool = True) -> str:
    body = rand(30)
    checksum = base62(zlib.crc32(body.encode())) if valid else "Qk3z9A"
    return f"{prefix}_{body}{checksum}"


def jwt(alg: str = "HS256") -> str:
    def part(data: dict) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()

    return f"{part({'alg': alg, 'typ': 'JWT'})}.{part({'sub': '42', 'iat': 1731000000})}.{rand(43, ALNUM + '-_')}"


def codes(text: str, kind: str = "python") -> list[tuple[int, str]]:
    return [(hit.line, hit.code) for hit in scan_text(text, kind)]


# -- provider detectors ---------------------------------------------------------------------------

AWS_ID = "AKIA" + rand(16, string.ascii_uppercase + "234567")
PROVIDERS = [
    ("BST450", AWS_ID),
    ("BST451", github()),
    ("BST451", f"github_pat_{rand(22)}_{rand(59)}"),
    ("BST452", "glpat-" + rand(20)),
    ("BST453", f"xoxb-{rand(12, string.digits)}-{rand(13, string.digits)}-{rand(24)}"),
    ("BST453", f"https://hooks.slack.com/services/T{rand(8, string.ascii_uppercase)}/B{rand(10, string.ascii_uppercase)}/{rand(24)}"),
    ("BST454", "sk_live_" + rand(40)),
    ("BST454", "rk_live_" + rand(24)),
    ("BST455", "AIza" + rand(35)),
    ("BST459", f"SG.{rand(22)}.{rand(43)}"),
    ("BST460", f"sk-proj-{rand(40)}T3BlbkFJ{rand(40)}"),
    ("BST461", f"sk-ant-api03-{rand(93)}AA"),
    ("BST462", "pypi-AgEIcHlwaS5vcmc" + rand(80)),
    ("BST463", github("npm")),
    ("BST464", jwt()),
    ("BST465", "hf_" + rand(34, string.ascii_letters)),
    ("BST466", f"{rand(9, string.digits)}:AA{rand(33)}"),
    ("BST467", "GOCSPX-" + rand(28)),
    ("BST469", "shpat_" + rand(32, "0123456789abcdef")),
    ("BST472", "dop_v1_" + rand(64, "0123456789abcdef")),
    ("BST474", "dapi" + rand(32, "0123456789abcdef")),
    ("BST475", "hvs." + rand(91)),
    ("BST479", "NRAK-" + rand(27, string.ascii_uppercase + string.digits)),
    ("BST484", "A" * 21 + "ML" + rand(90, ALNUM + "%")),
    ("BST491", "LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t" + base64.b64encode(b"\n" + base64.b64encode(bytes(range(120))) + b"\n-----END PRIVATE KEY-----\n").decode()),
]


@pytest.mark.parametrize(("code", "value"), PROVIDERS, ids=[f"{c}-{v[:5]}" for c, v in PROVIDERS])
@pytest.mark.parametrize("template", ['KEY = "{}"\n', "value: {}\n", '{{"v": "{}"}}\n', "curl -H 'X: {}' x\n"])
def test_provider_detectors_find_their_format_in_any_syntax(code: str, value: str, template: str) -> None:
    hits = scan_text(template.format(value), "text")
    assert [(hit.code, hit.value) for hit in hits] == [(code, value)]


@pytest.mark.parametrize(("code", "value"), PROVIDERS, ids=[f"{c}-{v[:5]}" for c, v in PROVIDERS])
def test_a_token_inside_a_longer_blob_is_not_reported(code: str, value: str) -> None:
    if "://" in value:
        pytest.skip("URLs have their own boundaries")
    blob = rand(30) + value + rand(30)
    assert [hit for hit in scan_text(f'IMAGE = "{blob}"\n', "python") if hit.code == code] == []


def test_github_checksum_is_validated() -> None:
    assert crc32_token_checksum(github()) is True
    assert crc32_token_checksum(github(valid=False)) is None
    (hit,) = scan_text(f'T = "{github(valid=False)}"', "python")
    assert hit.code == "BST451" and hit.validated is None


def test_jwt_needs_json_header_with_an_algorithm() -> None:
    assert jwt_structure(jwt())
    assert jwt_structure("eyJub3QiOiJqc29uIn0.eyJhIjoxfQ.c2lnbmF0dXJl") is False  # header without alg
    assert jwt_structure(jwt("none").rsplit(".", 1)[0] + ".") is False


def test_aws_secret_key_needs_an_aws_name_or_a_key_id_nearby() -> None:
    secret = rand(40, ALNUM + "+/")
    assert codes(f'aws_secret_access_key = "{secret}"\n') == [(1, "BST450")]
    assert codes(f'provider:\n  access_key = "{AWS_ID}"\n  secret_key = "{secret}"\n', "terraform") == [(2, "BST450"), (3, "BST450")]
    assert codes(f'unrelated = "{secret}"\n') == []


def test_private_keys_multi_line_and_escaped_and_service_accounts() -> None:
    body = "\n".join(base64.b64encode(rng.randbytes(48)).decode() for _ in range(6))
    block = f"-----BEGIN RSA PRIVATE KEY-----\n{body}\n-----END RSA PRIVATE KEY-----"
    assert codes(f'KEY = """{block}"""\n') == [(1, "BST491")]
    escaped = json.dumps({"type": "service_account", "private_key": block.replace("RSA ", "")})
    assert codes(escaped, "json") == [(1, "BST456")]
    assert codes("-----BEGIN RSA PRIVATE KEY-----\nMIIE...\n-----END RSA PRIVATE KEY-----\n", "text") == []
    assert codes(block.replace("RSA PRIVATE KEY", "PUBLIC KEY"), "text") == []
    assert codes(block.replace("RSA PRIVATE KEY", "CERTIFICATE"), "text") == []


@pytest.mark.parametrize(
    ("url", "found"),
    [
        ("postgres://shop:Xr9kq2Lm7v@db.internal:5432/shop", True),
        ("mongodb+srv://app:Tq7mW2pZq1@cluster0.x.mongodb.net/db", True),
        ("redis://:Vb8qL2mX9p@cache:6379/0", True),
        ("https://deploy:Hn4kR8sW2q@nexus.internal/repo", True),
        ("postgres://user:password@localhost/db", False),
        ("postgres://shop:${DB_PASSWORD}@db/shop", False),
        ("postgres://shop:<password>@db/shop", False),
        ("https://user@example.com/path", False),
        ("postgres://{user}:{password}@{host}/db", False),
    ],
)
def test_credential_urls(url: str, found: bool) -> None:
    assert (codes(f'URL = "{url}"\n') == [(1, "BST492")]) is found


# -- the generic detector -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "strength"),
    [
        ("password", "password"), ("DB_PASSWORD", "password"), ("dbPassword", "password"), ("self.passwd", "password"),
        ("SECRET_KEY", "secret"), ("api_key", "secret"), ("apiKey", "secret"), ("X-Api-Key", "secret"),
        ("client_secret", "secret"), ("GITHUB_TOKEN", "secret"), ("auth_token", "secret"), ("PIP_INDEX_TOKEN", "secret"),
        ("password_field", None), ("PASSWORD_HASHERS", None), ("token_url", None), ("secret_name", None),
        ("public_key", None), ("max_tokens", None), ("cache_key", None), ("key", None), ("password_reset_timeout", None),
        ("SESSION_COOKIE_NAME", None), ("api_key_id", None), ("hashed_password", None),
    ],
)
def test_secret_like_names(name: str, strength: str | None) -> None:
    assert context.name_strength(name) == strength


@pytest.mark.parametrize(
    ("line", "kind", "found"),
    [
        ('password = "Orchid!47maple"', "python", True),
        ('DATABASES = {"default": {"PASSWORD": "Orchid!47maple"}}', "python", True),
        ('connect(user="app", password="Orchid!47maple")', "python", True),
        ('if password == "letmein42":', "python", True),
        ("DB_PASSWORD=Orchid!47maple", "env", True),
        ("export API_TOKEN=Zq9X2mTf7LwPcR4vYs8KdN3b", "shell", True),
        ("  password: Orchid!47maple", "yaml", True),
        ("password = Orchid!47maple", "ini", True),
        ("ENV ADMIN_PASSWORD Orchid!47maple", "dockerfile", True),
        ("<password>Orchid!47maple</password>", "text", True),
        ('conn = "Server=db;User Id=sa;Password=Orchid!47maple;"', "python", True),
        ('headers = {"Authorization": "Bearer Zq9X2mTf7LwPcR4vYs8KdN3bHj6G"}', "python", True),
        ('curl -u "deploy:Orchid!47maple" https://x', "shell", True),
        ('PGPASSWORD = "Orchid!47maple"', "python", True),
        ("define('DB_PASSWORD', 'Orchid!47maple');", "code", True),
        ('os.environ.setdefault("DJANGO_SECRET_KEY", "k#9v!2m@x7q$w4e^r8t&y1u")', "python", True),
        ("machine api.example.com login ci password Orchid!47maple", "netrc", True),
        ('config.secret_key_base = "9f3c2e8b1d74f6a9e0c5b8d2f7a1e4c9b6d3f0a2"', "code", True),
        ("spring.datasource.password=Orchid#47maple", "ini", True),
        ('url = "jdbc:mysql://db/shop?user=app&password=Orchid!47maple&ssl=true"', "python", True),
        ("DEPLOY_PASSWORD=Orchid!47maple", "text", True),  # a Makefile or other NAME=value file
        ("export API_TOKEN=Zq9X2mTf7LwPcR4vYs8KdN3b", "text", True),
        ("see the password: Orchid!47maple in the vault", "text", False),  # prose, not an assignment line
        ('user_pass = "%s:%s" % (user, password)', "python", False),
        ('field_order = ["old_password", "new_password1", "new_password2"]', "python", False),
        ('dependencies = [("auth", "0002_alter_permission_name_max_length")]', "python", False),
        ('"spdx_license_key": "LicenseRef-scancode-agpl-3.0"', "json", False),
        ('"password": "string?"', "python", False),
        ("password = Orchid!47maple", "python", False),  # a name, not a literal
        ('password = os.environ["PASSWORD"]', "python", False),
        ('password = os.getenv("PASSWORD", "")', "python", False),
        ('password = "changeme"', "python", False),
        ('password = "<your-password>"', "python", False),
        ('password = "${DB_PASSWORD}"', "python", False),
        ('password = "{{ vault_db_password }}"', "python", False),
        ('password = "xxxxxxxx"', "python", False),
        ('password = "********"', "python", False),
        ('password = ""', "python", False),
        ('password = f"{prefix}-{suffix}"', "python", False),
        ('SECRET_KEY = "not-so-secret"', "python", False),
        ('api_key = "6fa459ea-ee8a-3ca4-894e-db77e160355e"', "python", False),  # UUID
        ('SESSION_KEY = "_auth_user_id"', "python", False),  # an identifier
        ('token = "shop.auth.token"', "python", False),
        ('password_hash = "$2b$12$KIXQJcW2nQm9eT7wY3bK8uZ8gYb8H5xWb5Q1nq0dG4mX3pQ2yV9eK"', "python", False),
        ("API_TOKEN=your-token-here", "env", False),
        ("  password: !vault |", "yaml", False),
        ("token = $(vault kv get -field=token kv/shop)", "shell", False),
        ("password = var.db_password", "terraform", False),
    ],
)
def test_generic_detector(line: str, kind: str, found: bool) -> None:
    hits = scan_text(line + "\n", kind)
    assert bool(hits) is found, hits


def test_terraform_variable_default_and_kubernetes_env_value() -> None:
    tf = 'variable "db_password" {\n  type = string\n  default = "Orchid!47maple"\n}\nvariable "region" {\n  default = "eu-west-1"\n}\n'
    assert codes(tf, "terraform") == [(3, "BST490")]
    k8s = "env:\n  - name: DB_PASSWORD\n    value: Orchid!47maple\n  - name: LOG_LEVEL\n    value: debug\n"
    assert codes(k8s, "yaml") == [(3, "BST490")]


def test_notebook_cells_and_outputs_map_to_file_lines() -> None:
    notebook = json.dumps(
        {"cells": [{"cell_type": "code", "source": ["import os\n", 'db_password = "Orchid!47maple"\n'],
                    "outputs": [{"text": [f"token={github()}\n"]}]}]},
        indent=1,
    )
    hits = scan_text(notebook, "notebook")
    lines = notebook.split("\n")
    assert [hit.code for hit in hits] == ["BST490", "BST451"]
    for hit in hits:
        assert hit.value in json.loads(f'"{lines[hit.line - 1].strip().rstrip(",").strip(chr(34))}"') or hit.value in lines[hit.line - 1]


def test_documentation_examples_get_low_confidence() -> None:
    docstring = 'def f():\n    """Call it like this:\n\n    api_key = "a8F3kL9qW2mZ7xR4tY6u"\n    """\n'
    assert [hit.confidence for hit in scan_text(docstring, "python")] == ["low"]
    assigned = 'HELP = """\napi_key = "a8F3kL9qW2mZ7xR4tY6u"\n"""\n'
    assert [hit.confidence for hit in scan_text(assigned, "python")] == [None]
    assert [hit.confidence for hit in scan_text('Set `api_key = "a8F3kL9qW2mZ7xR4tY6u"`.\n', "docs")] == ["low"]
    assert [hit.confidence for hit in scan_text(f"Token: `{github()}`\n", "docs")] == [None]  # provider formats stay


def test_demo_credentials_in_documentation_are_examples() -> None:
    url = 'create_engine("postgresql://scott:tiger@localhost/test")'
    docstring = f'def f():\n    """Connect:\n\n        {url}\n        connect(user="scott", password="tiger")\n    """\n'
    assert codes(docstring) == []
    assert codes(f"# {url}\n") == []
    assert codes(f"Connect with `{url}`.\n", "docs") == []
    # A demo user in a documented URL: the password shows some syntax (escaping), not a secret.
    assert codes('def f():\n    """e = create_engine("mssql+pyodbc://scott:tiger^5HHH@mssql2017/test")"""\n') == []
    # The same demo credentials in code are guessable credentials that would be deployed.
    assert codes(f"engine = {url}\n") == [(1, "BST492")]
    assert codes('engine = create_engine("mssql+pyodbc://scott:tiger^5HHH@mssql2017/test")\n') == [(1, "BST492")]
    # Other values in documentation stay, as low-confidence examples.
    real = 'def f():\n    """create_engine("mysql://app:Xr9kq2Lm7v@db/shop")"""\n'
    assert [(hit.code, hit.confidence) for hit in scan_text(real, "python")] == [("BST492", "low")]
    assert [hit.confidence for hit in scan_text('x = "#"; engine = "mysql://app:Xr9kq2Lm7v@db/shop"\n', "python")] == [None]


def test_regular_expression_fragments_are_not_secrets() -> None:
    assert codes("""qtoken = '(?:"[^"]+"|[A-Za-z0-9_]+?)'\n""") == []
    assert codes('secret = r"^[A-Za-z0-9+/]{40}\\d+$"\n') == []
    assert codes('api_token = "Zq9X2mTf7LwPcR4vYs8KdN3b"\n') == [(1, "BST490")]


def test_annotations_are_not_values() -> None:
    assert codes('def f(private_key: "_RSAPrivateKey", token: "AuthToken12345") -> None: ...\n') == []
    assert codes('{"token": "Zq9X2mTf7LwPcR4vYs8KdN3b"}\n') == [(1, "BST490")]


def test_entropy_threshold_and_allow_list_are_options() -> None:
    line = 'api_key = "a8F3kL9qW2mZ7xR4tY6u"\n'
    assert scan_text(line, "python")
    assert not scan_text(line, "python", Options(threshold=5.5))
    assert not scan_text(line, "python", Options(allow=(__import__("re").compile("^a8F3"),)))
    assert not scan_text(line, "python", Options(codes={"BST451"}))


# -- placeholders, entropy, files, redaction ----------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    ["changeme", "CHANGE_ME", "<your-api-key>", "xxx", "XXXXXXXXXXXX", "${VAR}", "$VAR", "{{ token }}", "%(pw)s",
     "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "your_token_here", "REPLACE_ME", "DB_PASSWORD",
     "sk_live_000000000000000000000000", "1234567890", "ENC[AES256_GCM,data:abc]", "not-a-real-token", "some_password"],
)
def test_placeholders(value: str) -> None:
    assert placeholders.is_placeholder(value)


def test_not_secrets() -> None:
    assert placeholders.is_uuid("6fa459ea-ee8a-3ca4-894e-db77e160355e")
    assert placeholders.is_hash("a" * 31 + "b", "checksum") and not placeholders.is_hash("a" * 31 + "b", "api_key")
    assert placeholders.is_commit_id("0123456789abcdef0123456789abcdef01234567", "release_commit")
    assert placeholders.is_public("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIx deploy@ci")
    assert placeholders.is_public("pk_live_" + rand(24))
    assert not placeholders.is_placeholder(rand(32))


def test_entropy() -> None:
    assert shannon("aaaa") == 0 and shannon("abcd") == 2
    assert charset("deadbeef") == "hex" and charset("Zq9X") == "alnum" and charset("a/b+c=") == "base64"
    assert looks_random(rand(32), 3.5) and not looks_random("thisisaverylongwordlikestring", 3.5)


def test_file_selection() -> None:
    assert files.kind_of("app/.env.production") == "env" and files.kind_of(".env") == "env"
    assert files.kind_of("Dockerfile.worker") == "dockerfile" and files.kind_of("infra/x.tfvars") == "terraform"
    assert files.kind_of(".aws/credentials") == "ini" and files.kind_of(".envrc") == "shell"
    assert files.kind_of("nb.ipynb") == "notebook" and files.kind_of("app.js") == "code" and files.kind_of("README") == "docs"
    for name in ("poetry.lock", "uv.lock", "package-lock.json", "yarn.lock", "Pipfile.lock", "go.sum", "x.png", "app.min.js", "de.po"):
        assert files.skip_reason(name), name
    assert files.skip_reason("settings.py") is None and files.skip_reason("config.yaml") is None
    assert files.skip_content("requirements.txt", b"django==5 --hash=sha256:abc\n") and files.skip_content("a.bin", b"\x00\x01")


def test_redaction_shows_a_short_prefix_and_the_length() -> None:
    assert redact(AWS_ID) == f"{AWS_ID[:4]}…(20 chars)"
    assert redact("hunter22") == "hu…(8 chars)"
    assert redact("abc") == "…(3 chars)"


def test_hostile_input_does_not_crash_or_hang() -> None:
    nasty = ("password = '" + "\\'" * 5000 + "\n") + ("a" * 200_000) + ("-----BEGIN PRIVATE KEY-----" + "A" * 100_000) + ("x://" * 10_000)
    assert isinstance(scan_text(nasty, "python"), list)
    assert scan_text("", "text") == [] and scan_text("\r\n\r\n", "env") == []
