"""A second, small set of cases written after the detectors (not used while tuning them), to see how
the scanner does on syntax it was not fitted to. Each case: (kind, line, is_secret).

    .venv/bin/python benchmarks/secrets/fresh_cases.py
"""

from __future__ import annotations

import sys

CASES: list[tuple[str, str, bool]] = [
    ("python", 'app.config["SECRET_KEY"] = "8f2a9c1e7b4d6f3a0e5c9b2d7a1f4e8c"', True),
    ("python", 'os.environ.setdefault("DJANGO_SECRET_KEY", "k#9v!2m@x7q$w4e^r8t&y1u*i6o(p3")', True),
    ("yaml", "spring.datasource.password: S3cureP@ss2024", True),
    ("ini", '[client]\npassword="dbpass2024!"', True),
    ("toml", '[database]\npassword = "Lz8#pQ2w"', True),
    ("dockerfile", "RUN pip install --index-url https://build:Tk9pLm2xQw@pypi.internal/simple shop", True),
    ("terraform", 'master_password = "Hx7!kQ2zLp"', True),
    ("python", "DEFAULT_PASSWORD = 'Welcome123!'", True),
    ("python", "token = 'a3f9c2e8b1d74f6a9e0c5b8d2f7a1e4c9b6d3f0a'", True),
    ("python", 'requests.get(url, headers={"X-API-KEY": "4f9a8c2e1b7d3f6a"})', True),
    ("code", "$db_pass = 'Qw7!xZ2p';", True),
    ("code", 'const apiToken = "tk_9fA2xQ7mL3pR8sV1"', True),
    ("python", "EMAIL_HOST_PASSWORD = 'gmail-app-pass-2024'", True),
    ("env", "NPM_AUTH=dXNlcjpTM2NyZXRQYXNzMjAyNA==", True),
    ("yaml", "  redis:\n    password: Rk2#mX9qLw", True),
    ("json", '{"db": {"user": "shop", "pass": "Zt5!nQ8wKp"}}', True),
    ("python", 'login(username="ops", passwd="Pw4$kLm9Xz")', True),
    ("shell", "export DATADOG_API_KEY=3f9a8c2e1b7d4f6a9e0c5b8d2f7a1e4c", True),
    ("python", "SLACK_SIGNING_SECRET = '9b1d74f6a9e0c5b8d2f7a1e4c3f9a8c2'", True),
    ("python", "password = getpass.getpass()", False),
    ("python", "PASSWORD_MIN_LENGTH = 12", False),
    ("python", "api_key = settings.API_KEY", False),
    ("yaml", 'password: "{{ .Values.db.password }}"', False),
    ("yaml", "secret_key: ${SECRET_KEY}", False),
    ("python", 'token = request.headers.get("Authorization")', False),
    ("python", "auth_token = None", False),
    ("python", 'key = "user:%s" % user_id', False),
    ("python", "SECRET_KEY = get_random_secret_key()", False),
    ("yaml", 'api_key: "<REPLACE_WITH_YOUR_KEY>"', False),
    ("json", '{"password": "Passwort", "username": "Benutzername"}', False),
    ("python", 'token_type = "bearer"', False),
    ("python", 'session_id = "a3f9c2e8b1d74f6a9e0c5b8d2f7a1e4c"', False),
    ("python", 'key_path = "/etc/ssl/private/server.key"', False),
    ("python", 'passwordRegex = "^(?=.*[A-Z])(?=.*\\\\d).{8,}$"', False),
    ("yaml", 'password: "${{ secrets.DB_PASSWORD }}"', False),
    ("python", "client_secret = os.environ.get('CLIENT_SECRET', 'dev')", False),
    ("json", '{"token": "Token", "secret": "Secret"}', False),
    ("text", "background: url(data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==)", False),
    ("python", 'SECRET_KEY = env("SECRET_KEY")', False),
    ("python", 'csrf_token = "{% csrf_token %}"', False),
    ("ini", "password_hash_algorithm = argon2id", False),
    ("python", 'api_key = "sk-..."', False),
    ("python", 'PASSWORD_RESET_URL = "https://shop.example/reset?token="', False),
    ("shell", 'read -s -p "Password: " DB_PASSWORD', False),
    ("python", 'secret = hashlib.sha256(b"salt").hexdigest()', False),
    ("python", "auth = ('user', os.environ['PASSWORD'])", False),
]


def main() -> int:
    from bastion.secrets.scanner import scan_text

    tp = fp = fn = tn = 0
    for kind, text, secret in CASES:
        found = any(hit.confidence != "low" for hit in scan_text(text + "\n", kind))
        if found and secret:
            tp += 1
        elif found:
            fp += 1
            print(f"  FP {kind}: {text[:70]}", file=sys.stderr)
        elif secret:
            fn += 1
            print(f"  FN {kind}: {text[:70]}", file=sys.stderr)
        else:
            tn += 1
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"fresh cases: {tp + fn} secrets, {fp + tn} non-secrets; TP {tp} FP {fp} FN {fn}; precision {precision:.3f} recall {recall:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
