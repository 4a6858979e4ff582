"""The corpus text: real secrets as @@kind@@ markers, decoys marked ~~decoy:category~~ (stripped)."""


from __future__ import annotations


def templates(*, notebook, png, sha, sha1, uuid, ssh_pub, pem, rand) -> dict[str, str]:
    return {
        # -- Python ---------------------------------------------------------------------------
        "shop/settings.py": f'''"""Django settings for shop."""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = "django-insecure-@@secret@@"
DEBUG = False
ALLOWED_HOSTS = ["shop.internal"]

AUTH_USER_MODEL = "accounts.User"  ~~decoy:secret-like-name~~
PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]  ~~decoy:secret-like-name~~
PASSWORD_RESET_TIMEOUT = 259200  ~~decoy:secret-like-name~~
SESSION_COOKIE_NAME = "shop_session"
CSRF_COOKIE_NAME = "csrftoken"  ~~decoy:secret-like-name~~

DATABASES = {{
    "default": {{
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "shop",
        "USER": "shop_app",
        "PASSWORD": "@@password@@",
        "HOST": "db.internal",
    }},
    "replica": {{
        "ENGINE": "django.db.backends.postgresql",
        "PASSWORD": os.environ["REPLICA_DB_PASSWORD"],  ~~decoy:env-lookup~~
    }},
}}

AWS_ACCESS_KEY_ID = "@@aws_id@@"
AWS_SECRET_ACCESS_KEY = "@@aws_secret@@"
AWS_STORAGE_BUCKET_NAME = "shop-media-prod"
STRIPE_SECRET_KEY = "@@stripe@@"
STRIPE_PUBLISHABLE_KEY = "pk_live_{rand("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 99)}"  ~~decoy:publishable~~
SENDGRID_API_KEY = os.getenv("SENDGRID_API_KEY", "")  ~~decoy:env-lookup~~
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD")  ~~decoy:env-lookup~~
CELERY_BROKER_URL = "amqp://shop:@@db_password@@@rabbit.internal:5672/shop"
CACHE_URL = "redis://:${{REDIS_PASSWORD}}@cache.internal:6379/0"  ~~decoy:placeholder~~
STATIC_VERSION = "{sha1()}"  ~~decoy:hash~~
''',
        "shop/integrations/clients.py": f'''import hashlib
import os

import requests

GITHUB_TOKEN = "@@ghp@@"
GITLAB_TOKEN = os.environ.get("GITLAB_TOKEN", "glpat-xxxxxxxxxxxxxxxxxxxx")  ~~decoy:placeholder~~
OPENAI_API_KEY = "@@openai@@"
ANTHROPIC_API_KEY = "@@anthropic@@"
HF_TOKEN = "@@hf@@"
GOOGLE_MAPS_KEY = "@@google@@"
TELEGRAM_BOT = "@@telegram@@"

EXAMPLE_AWS_KEY = "AKIAIOSFODNN7EXAMPLE"  ~~decoy:documented-example~~
EXAMPLE_AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"  ~~decoy:documented-example~~
DOCS_JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"  ~~decoy:documented-example~~
STRIPE_DOCS_KEY = "sk_test_4eC39HqLyjWDarjtT1zdp7dc"  ~~decoy:documented-example~~
REQUEST_ID = "{uuid()}"  ~~decoy:uuid~~
client_id = "{uuid()}"  ~~decoy:uuid~~
api_key_id = "{uuid()}"  ~~decoy:uuid~~
EXPECTED_SHA256 = "{sha()}"  ~~decoy:hash~~
release_commit = "{sha1()}"  ~~decoy:commit-id~~
TOKEN_URL = "https://oauth2.googleapis.com/token"  ~~decoy:secret-like-name~~
TOKEN_TYPE = "Bearer"  ~~decoy:secret-like-name~~
max_tokens = 4096  ~~decoy:secret-like-name~~
secret_name = "prod/shop/db"  ~~decoy:secret-like-name~~
password_field = "password"  ~~decoy:secret-like-name~~


def github_headers(token: str = "") -> dict:
    return {{"Authorization": f"token {{token}}"}}  ~~decoy:template~~


def slack_client():
    return requests.Session(), "@@slack_bot@@"


def login(session, password=None):
    if password == "@@password@@":
        return True
    return session.post("/login", data={{"password": password}})  ~~decoy:secret-like-name~~


def fingerprint(data: bytes) -> str:
    digest = hashlib.sha256(data).hexdigest()
    known_hash = "{sha()}"  ~~decoy:hash~~
    return digest if digest != known_hash else ""


def connect():
    import psycopg2

    return psycopg2.connect(host="db.internal", user="reports", password="@@password@@", dbname="shop")


SIGNING_KEY = """@@rsa@@"""

PUBLIC_KEY = """-----BEGIN PUBLIC KEY-----  ~~decoy:public-key~~
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo
4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u
+qKhbwKfBstIs+bMY2Zkp18gnTxKLxoS2tFczGkPLPgizskuemMghRniWaoLcyeh
-----END PUBLIC KEY-----"""
''',
        "shop/payments/webhooks.py": '''import hmac

WEBHOOK_SECRET = "@@token@@"
SLACK_ALERTS = "@@slack_hook@@"
TWILIO_API_KEY = "@@twilio@@"
TWILIO_AUTH_TOKEN = "@@twilio_token@@"
SENDGRID = "@@sendgrid@@"
NPM_PUBLISH = "@@npm@@"


def verify(payload: bytes, signature: str, secret: str = "changeme") -> bool:  ~~decoy:placeholder~~
    expected = hmac.new(secret.encode(), payload, "sha256").hexdigest()
    return hmac.compare_digest(expected, signature)


class Config:
    api_key = "<your-api-key>"  ~~decoy:placeholder~~
    api_secret = "YOUR_API_SECRET_HERE"  ~~decoy:placeholder~~
    auth_token = "xxxxxxxxxxxxxxxxxxxxxxxx"  ~~decoy:placeholder~~
    password = "********"  ~~decoy:placeholder~~
    client_secret = "{{ client_secret }}"  ~~decoy:placeholder~~
    db_password = "%(DB_PASSWORD)s"  ~~decoy:placeholder~~
    session_token = None  ~~decoy:placeholder~~
    refresh_token = ""  ~~decoy:placeholder~~
''',
        "shop/static_assets.py": f'''LOGO_PNG = "data:image/png;base64,{png}"  ~~decoy:base64-image~~
FONT_INTEGRITY = "sha384-{rand("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 64)}"  ~~decoy:hash~~
ASSET_MANIFEST = {{"app.js": "app.{rand("0123456789abcdef", 20)}.js", "app.css": "app.{rand("0123456789abcdef", 20)}.css"}}  ~~decoy:high-entropy~~
NONCE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"  ~~decoy:high-entropy~~
CACHE_KEY_SALT = "{rand("0123456789abcdef", 32)}"  ~~decoy:high-entropy~~
TRACKING_ID = "UA-{rand("0123456789", 8)}-1"  ~~decoy:high-entropy~~
BCRYPT_HASH = "$2b$12${rand("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789./", 53)}"  ~~decoy:hash~~
ADMIN_PASSWORD_HASH = "pbkdf2_sha256$720000${rand("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 22)}${rand("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 43)}="  ~~decoy:hash~~
''',
        # -- tests and fixtures: real-looking values, low confidence ------------------------------
        "tests/test_payments.py": '''from shop.payments import webhooks

FAKE_STRIPE = "@@stripe@@"
TEST_PASSWORD = "@@password@@"


def test_verify():
    assert webhooks.verify(b"{}", "sig", secret="@@token@@")
''',
        "shop/fixtures/users.json": '''[
  {"model": "accounts.user", "pk": 1, "fields": {"username": "demo", "password": "@@password@@"}},
  {"model": "accounts.apitoken", "pk": 1, "fields": {"token": "@@ghp@@"}}
]
''',
        # -- .env ---------------------------------------------------------------------------------
        ".env": '''# local development settings
DJANGO_SETTINGS_MODULE=shop.settings
DATABASE_URL=postgres://shop:@@db_password@@@localhost:5432/shop
REDIS_PASSWORD=@@password@@
SENTRY_DSN=https://{key}@o123456.ingest.sentry.io/4505  ~~decoy:placeholder~~
GITHUB_APP_TOKEN=@@ghs@@
GITLAB_DEPLOY_TOKEN=@@glpat@@
SLACK_BOT_TOKEN=@@slack_bot@@
OPENAI_API_KEY=  ~~decoy:placeholder~~
ANTHROPIC_API_KEY=${ANTHROPIC_API_KEY}  ~~decoy:placeholder~~
JWT_SECRET=@@hex_secret@@
LOG_LEVEL=info
''',
        ".env.example": '''DATABASE_URL=postgres://user:password@localhost:5432/shop  ~~decoy:placeholder~~
REDIS_PASSWORD=changeme  ~~decoy:placeholder~~
STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx  ~~decoy:placeholder~~
GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx  ~~decoy:placeholder~~
AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE  ~~decoy:documented-example~~
AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY  ~~decoy:documented-example~~
JWT_SECRET=<generate-with-openssl-rand-hex-32>  ~~decoy:placeholder~~
API_TOKEN=your-token-here  ~~decoy:placeholder~~
''',
        # -- INI / CFG ----------------------------------------------------------------------------
        "deploy/app.ini": '''[database]
host = db.internal
user = shop_app
password = @@password@@
password_min_length = 12  ~~decoy:secret-like-name~~

[mail]
smtp_user = alerts@shop.example
smtp_password = %(SMTP_PASSWORD)s  ~~decoy:placeholder~~

[api]
token_endpoint = https://auth.shop.internal/oauth/token  ~~decoy:secret-like-name~~
api_key = @@token@@
''',
        "setup.cfg": '''[metadata]
name = shop
version = 1.4.2

[tool:pytest]
addopts = -q
''',
        "deploy/.pypirc": '''[distutils]
index-servers = pypi

[pypi]
username = __token__
password = @@pypi@@
''',
        # -- TOML ---------------------------------------------------------------------------------
        "pyproject.toml": '''[project]
name = "shop"
version = "1.4.2"
dependencies = ["django>=5.2", "stripe>=10"]

[tool.poetry.source]
name = "private"
url = "https://pypi.shop.internal/simple"

[tool.shop.secrets]
provider = "vault"
secret_path = "kv/shop/prod"  ~~decoy:secret-like-name~~
''',
        "config/production.toml": '''[server]
host = "0.0.0.0"
port = 8443

[auth]
jwt_signing_key = "@@token@@"
session_secret = "@@secret@@"
token_ttl = 3600  ~~decoy:secret-like-name~~
public_key_path = "/etc/shop/jwt.pub"  ~~decoy:secret-like-name~~

[integrations]
sendgrid_key = "@@sendgrid@@"
stripe_key = "pk_test_51HbQ2LKs0Y9cT7vXzq1n3aDfG4hJkL8mN2pR5tW9yB6cE1gI0oU3sV7xZ"  ~~decoy:publishable~~
webhook_secret = "env:WEBHOOK_SECRET"  ~~decoy:placeholder~~
''',
        # -- YAML ---------------------------------------------------------------------------------
        "deploy/k8s/deployment.yaml": f'''apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  template:
    spec:
      containers:
        - name: web
          image: registry.shop.internal/shop@sha256:{sha()}  ~~decoy:hash~~
          env:
            - name: DB_PASSWORD
              value: "@@password@@"
            - name: STRIPE_SECRET_KEY
              valueFrom:
                secretKeyRef:
                  name: stripe
                  key: secret-key  ~~decoy:secret-like-name~~
            - name: API_TOKEN
              value: "@@token@@"
            - name: LOG_FORMAT
              value: json
''',
        "deploy/k8s/secret.yaml": '''apiVersion: v1
kind: Secret
metadata:
  name: shop-azure
type: Opaque
stringData:
  AZURE_STORAGE_CONNECTION_STRING: "DefaultEndpointsProtocol=https;AccountName=shopmedia;AccountKey=@@azure_key@@;EndpointSuffix=core.windows.net"
  MEDIA_SAS_URL: "https://shopmedia.blob.core.windows.net/media?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2026-12-31T00:00:00Z&st=2025-01-01T00:00:00Z&spr=https&sig=@@azure_sig@@"
''',
        "deploy/k8s/tls-secret.yaml": f'''apiVersion: v1
kind: Secret
metadata:
  name: shop-tls
type: kubernetes.io/tls
data:
  tls.crt: {__import__("base64").b64encode(b"-----BEGIN CERTIFICATE-----\\nMIIBszCCAVmgAwIBAgIU\\n-----END CERTIFICATE-----\\n").decode()}  ~~decoy:certificate~~
  tls.key: @@pem_b64@@
  mailchimp-key: @@mailchimp@@
''',
        "docker-compose.yml": '''services:
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: @@password@@
      POSTGRES_USER: shop
  cache:
    image: redis:7
    command: ["redis-server", "--requirepass", "${REDIS_PASSWORD}"]  ~~decoy:placeholder~~
  app:
    build: .
    environment:
      DATABASE_URL: postgres://shop:${POSTGRES_PASSWORD}@db:5432/shop  ~~decoy:placeholder~~
      SECRET_KEY: ${DJANGO_SECRET_KEY:?set it}  ~~decoy:placeholder~~
''',
        ".github/workflows/release.yml": '''name: release
on: [push]
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@{sha1}  ~~decoy:commit-id~~
      - run: twine upload dist/*
        env:
          TWINE_PASSWORD: ${{ secrets.PYPI_TOKEN }}  ~~decoy:placeholder~~
          NPM_TOKEN: ${{ secrets.NPM_TOKEN }}  ~~decoy:placeholder~~
      - run: curl -H "Authorization: Bearer @@jwt@@" https://api.shop.internal/deploy
'''.replace("{sha1}", sha1()),
        "ansible/group_vars/all.yml": '''db_password: !vault |  ~~decoy:placeholder~~
  $ANSIBLE_VAULT;1.1;AES256
  62313365396662343061393464336163383764373764613633653634306231386433626436623361
admin_password: "{{ lookup('env', 'ADMIN_PASSWORD') }}"  ~~decoy:placeholder~~
api_token: "@@token@@"
''',
        # -- JSON ---------------------------------------------------------------------------------
        "deploy/gcp/service-account.json": '''{
  "type": "service_account",
  "project_id": "shop-prod-41872",
  "private_key_id": "{sha1}",  ~~decoy:key-id~~
  "private_key": "@@sa_key@@",
  "client_email": "deployer@shop-prod-41872.iam.gserviceaccount.com",
  "client_id": "104938572910384756102",
  "auth_uri": "https://accounts.google.com/o/oauth2/auth",
  "token_uri": "https://oauth2.googleapis.com/token"
}
'''.replace("{sha1}", sha1()),
        "config/integrations.json": f'''{{
  "github": {{"client_id": "Iv1.{rand("0123456789abcdef", 16)}", "client_secret": "@@hex_secret@@"}},
  "stripe": {{"publishable_key": "pk_live_{rand("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 40)}", "api_version": "2024-06-20"}},  ~~decoy:publishable~~
  "google": {{"api_key": "@@google@@"}},
  "tracking": {{"request_id": "{uuid()}", "build": "{sha1()}"}},  ~~decoy:uuid~~
  "auth": {{"password": "", "token": null, "secret": "REPLACE_ME"}},  ~~decoy:placeholder~~
  "slack": {{"webhook_url": "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"}}  ~~decoy:placeholder~~
}}
''',
        "package-lock.json": f'''{{
  "name": "shop-frontend",
  "lockfileVersion": 3,
  "packages": {{
    "node_modules/left-pad": {{
      "version": "1.3.0",
      "resolved": "https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz",
      "integrity": "sha512-{rand("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 86)}=="  ~~decoy:hash-list~~
    }}
  }}
}}
''',
        # -- Dockerfile ---------------------------------------------------------------------------
        "Dockerfile": f'''FROM python:3.13-slim@sha256:{sha()}  ~~decoy:hash~~
ARG PIP_INDEX_TOKEN=@@token@@
ENV DJANGO_SETTINGS_MODULE=shop.settings
ENV ADMIN_PASSWORD @@password@@
ENV SECRET_KEY=${{SECRET_KEY}}  ~~decoy:placeholder~~
ARG NPM_TOKEN
RUN echo "//registry.npmjs.org/:_authToken=${{NPM_TOKEN}}" > ~/.npmrc  ~~decoy:placeholder~~
COPY . /app
''',
        "docker/Dockerfile.worker": '''FROM shop-base:latest
ENV CELERY_BROKER_URL=redis://:@@db_password@@@cache:6379/1
ENV HF_HOME=/cache/hf
CMD ["celery", "-A", "shop", "worker"]
''',
        # -- shell --------------------------------------------------------------------------------
        "scripts/deploy.sh": '''#!/bin/sh
set -eu
export AWS_ACCESS_KEY_ID="@@aws_id@@"
export AWS_SECRET_ACCESS_KEY="@@aws_secret@@"
export GITHUB_TOKEN="${GITHUB_TOKEN:?missing}"  ~~decoy:placeholder~~
TOKEN=$(vault kv get -field=token kv/shop)
curl -sf -H "Authorization: Bearer $TOKEN" https://api.shop.internal/deploy  ~~decoy:placeholder~~
curl -u "deploy:@@password@@" https://nexus.shop.internal/repository/
psql "postgresql://report:@@db_password@@@db.internal/shop" -c "select 1"
''',
        "scripts/backup.sh": f'''#!/bin/bash
# verify the archive before upload
EXPECTED_SHA256={sha()}  ~~decoy:hash~~
BACKUP_PASSPHRASE="@@password@@"
gpg --batch --passphrase "$BACKUP_PASSPHRASE" -c backup.tar
echo "$EXPECTED_SHA256  backup.tar.gpg" | sha256sum -c
''',
        # -- Terraform ----------------------------------------------------------------------------
        "infra/main.tf": '''variable "db_password" {
  type      = string
  sensitive = true
  default   = "@@password@@"
}

variable "region" {
  default = "eu-west-1"
}

variable "api_token" {
  type    = string
  default = ""  ~~decoy:placeholder~~
}

provider "aws" {
  region     = var.region
  access_key = "@@aws_id@@"
  secret_key = "@@aws_secret@@"
}

resource "aws_db_instance" "shop" {
  username = "shop"
  password = var.db_password  ~~decoy:placeholder~~
}
''',
        "infra/prod.tfvars": '''region = "eu-west-1"
datadog_api_key = "@@hex_secret@@"
db_password = "@@password@@"
ssh_public_key = "{ssh_pub}"  ~~decoy:public-key~~
'''.replace("{ssh_pub}", ssh_pub),
        # -- notebooks ----------------------------------------------------------------------------
        "notebooks/exploration.ipynb": notebook(
            [
                ("markdown", "# Sales exploration\nUse `os.environ['OPENAI_API_KEY']`, never paste keys.", []),
                ("code", 'import os\nopenai_key = "@@openai@@"\nwarehouse_password = "@@password@@"\nsafe_key = os.environ["OPENAI_API_KEY"]  ~~decoy:env-lookup~~', ["connected\n"]),
                ("code", "print(session)", ["Session(token='@@jwt@@')\n"]),
                ("code", f'image = "{png[:300]}"  ~~decoy:base64-image~~', []),
            ]
        ),
        # -- other text ---------------------------------------------------------------------------
        "deploy/keys/deploy_key": "@@openssh@@\n",
        "deploy/keys/deploy_key.pub": ssh_pub + " ~~decoy:public-key~~\n",
        "deploy/certs/server.pem": "@@ec@@\n-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQm1rZXlzIGFyZSBub3QgY2VydGlmaWNhdGVzMAoGCCqG\nSM49BAMCMBQxEjAQBgNVBAMMCXNob3AubG9jYWwwHhcNMjUwMTAxMDAwMDAwWhcN\n-----END CERTIFICATE-----\n",
        "docs/setup.md": '''# Setup

Export your credentials before running the shop:

```sh
export STRIPE_SECRET_KEY=sk_live_...  ~~decoy:placeholder~~
export DATABASE_URL=postgres://USER:PASSWORD@HOST:5432/shop  ~~decoy:placeholder~~
```

The staging key below was rotated in March but still works for the demo account:
`@@stripe_rk@@`

A token looks like `ghp_` followed by 36 characters; never commit one.  ~~decoy:secret-like-name~~
''',
        "deploy/.npmrc": "//registry.npmjs.org/:_authToken=@@npm@@\n@shop:registry=https://npm.shop.internal/\n",
        "config/app.properties": '''db.url=jdbc:postgresql://db.internal:5432/shop
db.username=shop
db.password=@@password@@
mail.smtp.password=${SMTP_PASSWORD}  ~~decoy:placeholder~~
''',
        "requirements.txt": f'''django==5.2.8 \\
    --hash=sha256:{sha()}  ~~decoy:hash-list~~
stripe==10.1.0 \\
    --hash=sha256:{sha()}  ~~decoy:hash-list~~
''',
        "go.sum": f'''github.com/pkg/errors v0.9.1 h1:{rand("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 43)}=  ~~decoy:hash-list~~
github.com/pkg/errors v0.9.1/go.mod h1:{rand("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 43)}=  ~~decoy:hash-list~~
''',
        "frontend/src/config.js": f'''// runtime configuration for the storefront
export const config = {{
  sentryDsn: "https://{rand("0123456789abcdef", 32)}@o4505.ingest.sentry.io/4506",  ~~decoy:public-dsn~~
  mapsApiKey: process.env.MAPS_API_KEY,  ~~decoy:env-lookup~~
  shopifyToken: "@@shopify@@",
  discordWebhook: "@@discord_hook@@",
  buildHash: "{sha1()}",  ~~decoy:hash~~
  apiKey: "",  ~~decoy:placeholder~~
}};

const password = document.getElementById("password").value;  ~~decoy:secret-like-name~~
const tokenKey = "shop.auth.token";  ~~decoy:secret-like-name~~
''',
        "deploy/maven/settings.xml": '''<settings>
  <servers>
    <server>
      <id>shop-releases</id>
      <username>deployer</username>
      <password>@@password@@</password>
    </server>
    <server>
      <id>shop-snapshots</id>
      <username>deployer</username>
      <password>${env.MAVEN_PASSWORD}</password>  ~~decoy:placeholder~~
    </server>
  </servers>
</settings>
''',
        "deploy/appsettings.Production.json": '''{
  "ConnectionStrings": {
    "Default": "Server=sql.internal;Database=shop;User Id=shop;Password=@@password@@;Encrypt=True"
  },
  "AzureAd": {"TenantId": "{uuid}", "ClientId": "{uuid}", "ClientSecret": "@@entra@@"},  ~~decoy:uuid~~
  "Google": {"ClientId": "1234567890-abc.apps.googleusercontent.com", "ClientSecret": "@@gocspx@@"},
  "Mailgun": {"ApiKey": "@@mailgun@@", "Domain": "mg.shop.example"}
}
'''.replace("{uuid}", uuid()),
        "infra/ops.auto.tfvars": '''digitalocean_token = "@@digitalocean@@"
databricks_token   = "@@databricks@@"
vault_token        = "@@vault@@"
newrelic_api_key   = "@@newrelic@@"
sops_age_recipient = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p"  ~~decoy:public-key~~
''',
        "deploy/sops/keys.txt": "# created: 2025-01-01T00:00:00Z\n# public key: age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p\n@@age@@\n",
        "CHANGELOG.md": f'''# Changelog

## 1.4.2
- Rotate the payment keys (see {sha1()[:12]}).  ~~decoy:commit-id~~
- Fix password reset token expiry.  ~~decoy:secret-like-name~~
''',
    }
