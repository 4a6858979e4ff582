"""The secret rules (BST450-499): one per provider family, plus the generic, private-key and
credential-URL rules. Every finding's value is redacted (`AKIA…(20 chars)`)."""

from __future__ import annotations

from bastion.rules.registry import declare

CODES: list[str] = []  # every secret rule, in declaration order

_ROTATE = """\
Remove the value from the file, **revoke it at the provider** and issue a new one: a secret that
reached a repository must be treated as leaked, even after the commit is rewritten (forks, clones,
CI logs and caches keep it). Read the new value at run time from the environment or a secret
manager, and run `bastion secrets --history` to find the commits that still contain old values."""


def _provider(
    code: str, name: str, provider: str, what: str, example: str, env: str, references: tuple[str, ...],
    *, severity: str = "high", confidence: str = "high", limitations: str = "", details: str = "",
) -> None:
    refs = "\n".join(f"- {ref}" for ref in (*references, "https://cwe.mitre.org/data/definitions/798.html"))
    doc = f"""
## What it does
Finds {what} written into a file of the project: source code, configuration, notebooks, Dockerfiles,
CI definitions or any other text file. {details}The value in reports is redacted to a short prefix
and its length.

## Why is this bad?
Anyone who can read the repository, a fork, a build log or a container image can use the
{provider} credential with all of its permissions. Secrets in version control stay in its history
after they are deleted from the current files.

## Example
```python
{example}
```

## Use instead
```python
import os

{env} = os.environ["{env}"]
```

{_ROTATE}

## References
{refs}
"""
    if limitations:
        doc += f"\n## Known limitations\n{limitations}\n"
    declare(
        code, name, summary=f"hardcoded {provider} credential", doc=doc, severity=severity,
        confidence=confidence, cwe=798, owasp="A07",
    )
    CODES.append(code)


_provider(
    "BST450", "aws-credentials", "AWS", "AWS access key ids (`AKIA…`, `ASIA…`) and secret access keys assigned to AWS-named settings",
    'AWS_ACCESS_KEY_ID = "AKIA…(20 chars)"', "AWS_ACCESS_KEY_ID",
    ("https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html",),
    limitations="A secret access key is recognised only next to a name mentioning AWS and secret; the documented example keys (`AKIAIOSFODNN7EXAMPLE`) are ignored.",
)
_provider(
    "BST451", "github-token", "GitHub", "GitHub personal, OAuth, app and refresh tokens (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`, `github_pat_`)",
    'GITHUB_TOKEN = "ghp_…(40 chars)"', "GITHUB_TOKEN",
    ("https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/",),
    limitations="A token whose checksum does not verify is still reported, with medium confidence: it may be a truncated or altered real token.",
    details="The CRC32 checksum that ends classic tokens is verified; a valid one gives high confidence. ",
)
_provider(
    "BST452", "gitlab-token", "GitLab", "GitLab personal, project, deploy, runner and trigger tokens (`glpat-`, `glptt-`, `gldt-`, `glrt-`, `GR1348941…`)",
    'GITLAB_TOKEN = "glpat-…(26 chars)"', "GITLAB_TOKEN",
    ("https://docs.gitlab.com/ee/security/token_overview.html",),
)
_provider(
    "BST453", "slack-token", "Slack", "Slack bot, user, app and configuration tokens (`xoxb-`, `xoxp-`, `xapp-`…) and incoming webhook URLs",
    'SLACK_WEBHOOK = "http…(79 chars)"', "SLACK_WEBHOOK",
    ("https://api.slack.com/authentication/best-practices",),
)
_provider(
    "BST454", "stripe-secret-key", "Stripe", "Stripe secret and restricted keys (`sk_live_`, `rk_live_`, `sk_test_`, `rk_test_`) and webhook signing secrets (`whsec_`)",
    'stripe.api_key = "sk_l…(32 chars)"', "STRIPE_API_KEY",
    ("https://docs.stripe.com/keys-best-practices",),
    details="Test-mode keys are reported at low severity; publishable keys (`pk_`) are public and ignored. ",
)
_provider(
    "BST455", "google-api-key", "Google Cloud", "Google API keys (`AIza…`) and Firebase Cloud Messaging server keys",
    'GOOGLE_API_KEY = "AIza…(39 chars)"', "GOOGLE_API_KEY",
    ("https://cloud.google.com/docs/authentication/api-keys#securing",),
    limitations="Some Google API keys (Maps JavaScript, Firebase web config) are meant to ship to browsers and are protected by referrer restrictions; suppress those findings with a reason.",
)
_provider(
    "BST456", "google-service-account-key", "Google Cloud service account", "the private key of a Google service-account JSON key file (`\"type\": \"service_account\"`)",
    'credentials.json: "private_key": "----…(1704 chars)"', "GOOGLE_APPLICATION_CREDENTIALS",
    ("https://cloud.google.com/iam/docs/best-practices-for-managing-service-account-keys",),
    severity="critical",
)
_provider(
    "BST457", "azure-storage-credential", "Azure Storage", "Azure storage account keys in connection strings (`AccountKey=…`) and shared access signature tokens (`sv=…&sig=…`)",
    'CONN = "DefaultEndpointsProtocol=https;AccountName=shop;AccountKey=…(88 chars)"', "AZURE_STORAGE_CONNECTION_STRING",
    ("https://learn.microsoft.com/en-us/azure/storage/common/storage-account-keys-manage",),
)
_provider(
    "BST458", "twilio-credential", "Twilio", "Twilio API keys (`SK` + 32 hex) and auth tokens assigned to Twilio-named settings",
    'TWILIO_AUTH_TOKEN = "9f3c…(32 chars)"', "TWILIO_AUTH_TOKEN",
    ("https://www.twilio.com/docs/usage/security/credentials",),
)
_provider(
    "BST459", "sendgrid-api-key", "SendGrid", "SendGrid API keys (`SG.<22>.<43>`)",
    'SENDGRID_API_KEY = "SG.a…(69 chars)"', "SENDGRID_API_KEY",
    ("https://docs.sendgrid.com/ui/account-and-settings/api-keys",),
)
_provider(
    "BST460", "openai-api-key", "OpenAI", "OpenAI API keys (`sk-…T3BlbkFJ…`, `sk-proj-…`, `sk-svcacct-…`)",
    'OPENAI_API_KEY = "sk-p…(164 chars)"', "OPENAI_API_KEY",
    ("https://help.openai.com/en/articles/5112595-best-practices-for-api-key-safety",),
)
_provider(
    "BST461", "anthropic-api-key", "Anthropic", "Anthropic API keys (`sk-ant-api03-…`, `sk-ant-admin01-…`)",
    'ANTHROPIC_API_KEY = "sk-a…(108 chars)"', "ANTHROPIC_API_KEY",
    ("https://support.anthropic.com/en/articles/9767949-api-key-best-practices-keeping-your-keys-safe-and-secure",),
)
_provider(
    "BST462", "pypi-token", "PyPI", "PyPI and TestPyPI upload tokens (`pypi-AgEIcHlwaS5vcmc…`)",
    'password = "pypi…(180 chars)"  # in .pypirc', "TWINE_PASSWORD",
    ("https://pypi.org/help/#apitoken", "https://docs.pypi.org/trusted-publishers/"),
)
_provider(
    "BST463", "npm-token", "npm", "npm access tokens (`npm_` + 36 characters)",
    '//registry.npmjs.org/:_authToken=npm_…(40 chars)', "NPM_TOKEN",
    ("https://docs.npmjs.com/about-access-tokens",),
    details="The CRC32 checksum that ends the token is verified; a valid one gives high confidence. ",
)
_provider(
    "BST464", "hardcoded-jwt", "JSON Web Token", "signed JSON Web Tokens (`eyJ….eyJ….…`) whose header and payload decode to JSON with an algorithm",
    'HEADERS = {"Authorization": "Bearer eyJh…(155 chars)"}', "API_TOKEN",
    ("https://datatracker.ietf.org/doc/html/rfc7519", "https://cheatsheetseries.owasp.org/cheatsheets/JSON_Web_Token_for_Java_Cheat_Sheet.html"),
    severity="medium", confidence="medium",
    limitations="A token may have expired; its expiry is not checked. The jwt.io example token is ignored.",
)
_provider(
    "BST465", "huggingface-token", "Hugging Face", "Hugging Face user access tokens (`hf_` + 34 letters)",
    'HF_TOKEN = "hf_a…(37 chars)"', "HF_TOKEN",
    ("https://huggingface.co/docs/hub/security-tokens",),
)
_provider(
    "BST466", "telegram-bot-token", "Telegram bot", "Telegram bot tokens (`123456789:AA…`)",
    'BOT_TOKEN = "8123…(46 chars)"', "BOT_TOKEN",
    ("https://core.telegram.org/bots/api#authorizing-your-bot",),
)

_provider(
    "BST467", "google-oauth-credential", "Google OAuth", "Google OAuth client secrets (`GOCSPX-…`) and access tokens (`ya29.…`)",
    'CLIENT_SECRET = "GOCS…(35 chars)"', "GOOGLE_CLIENT_SECRET",
    ("https://developers.google.com/identity/protocols/oauth2/resources/best-practices",),
)
_provider(
    "BST468", "azure-ad-client-secret", "Microsoft Entra ID (Azure AD)", "Microsoft Entra ID application client secrets (`…8Q~…`, 40 characters)",
    'AZURE_CLIENT_SECRET = "abc8…(40 chars)"', "AZURE_CLIENT_SECRET",
    ("https://learn.microsoft.com/en-us/entra/identity-platform/how-to-add-credentials",),
)
_provider(
    "BST469", "shopify-token", "Shopify", "Shopify admin, custom-app, partner and shared-secret tokens (`shpat_`, `shpca_`, `shppa_`, `shpss_`)",
    'SHOPIFY_TOKEN = "shpa…(38 chars)"', "SHOPIFY_ACCESS_TOKEN",
    ("https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens",),
)
_provider(
    "BST470", "mailgun-api-key", "Mailgun", "Mailgun API keys (`key-` + 32 hex characters)",
    'MAILGUN_API_KEY = "key-…(36 chars)"', "MAILGUN_API_KEY",
    ("https://documentation.mailgun.com/docs/mailgun/user-manual/api-key-mgmt/",),
)
_provider(
    "BST471", "square-token", "Square", "Square access tokens and OAuth secrets (`EAAA…`, `sq0atp-`, `sq0csp-`)",
    'SQUARE_TOKEN = "EAAA…(64 chars)"', "SQUARE_ACCESS_TOKEN",
    ("https://developer.squareup.com/docs/build-basics/access-tokens",),
)
_provider(
    "BST472", "digitalocean-token", "DigitalOcean", "DigitalOcean personal access, OAuth and refresh tokens (`dop_v1_`, `doo_v1_`, `dor_v1_`)",
    'DO_TOKEN = "dop_…(71 chars)"', "DIGITALOCEAN_TOKEN",
    ("https://docs.digitalocean.com/reference/api/create-personal-access-token/",),
)
_provider(
    "BST473", "discord-credential", "Discord", "Discord bot tokens and webhook URLs",
    'DISCORD_WEBHOOK = "http…(121 chars)"', "DISCORD_WEBHOOK_URL",
    ("https://discord.com/developers/docs/topics/oauth2#bot-vs-user-accounts",),
)
_provider(
    "BST474", "databricks-token", "Databricks", "Databricks personal access tokens (`dapi` + 32 hex characters)",
    'DATABRICKS_TOKEN = "dapi…(36 chars)"', "DATABRICKS_TOKEN",
    ("https://docs.databricks.com/en/dev-tools/auth/pat.html",),
)
_provider(
    "BST475", "vault-token", "HashiCorp Vault", "HashiCorp Vault service, batch and recovery tokens (`hvs.`, `hvb.`, `hvr.`)",
    'VAULT_TOKEN = "hvs.…(95 chars)"', "VAULT_TOKEN",
    ("https://developer.hashicorp.com/vault/docs/concepts/tokens",),
)
_provider(
    "BST476", "sentry-token", "Sentry", "Sentry organisation and user auth tokens (`sntrys_`, `sntryu_`)",
    'SENTRY_AUTH_TOKEN = "sntr…(71 chars)"', "SENTRY_AUTH_TOKEN",
    ("https://docs.sentry.io/account/auth-tokens/",),
    details="DSNs are meant to be public and are not reported. ",
)
_provider(
    "BST477", "age-secret-key", "age encryption", "age secret keys (`AGE-SECRET-KEY-1…`)",
    'KEY = "AGE-…(74 chars)"', "SOPS_AGE_KEY",
    ("https://age-encryption.org/v1",),
    severity="critical",
)
_provider(
    "BST478", "postman-api-key", "Postman", "Postman API keys (`PMAK-…`)",
    'POSTMAN_API_KEY = "PMAK…(64 chars)"', "POSTMAN_API_KEY",
    ("https://learning.postman.com/docs/developer/postman-api/authentication/",),
)
_provider(
    "BST479", "newrelic-api-key", "New Relic", "New Relic user, license-ingest and browser API keys (`NRAK-`, `NRAA-`, `NRII-`, `NRJS-`)",
    'NEW_RELIC_API_KEY = "NRAK…(32 chars)"', "NEW_RELIC_API_KEY",
    ("https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/",),
)
_provider(
    "BST480", "linear-api-key", "Linear", "Linear personal API keys (`lin_api_…`)",
    'LINEAR_API_KEY = "lin_…(48 chars)"', "LINEAR_API_KEY",
    ("https://developers.linear.app/docs/graphql/working-with-the-graphql-api",),
)
_provider(
    "BST481", "grafana-token", "Grafana", "Grafana Cloud access policy tokens (`glc_`) and service account tokens (`glsa_`)",
    'GRAFANA_TOKEN = "glsa…(46 chars)"', "GRAFANA_TOKEN",
    ("https://grafana.com/docs/grafana/latest/administration/service-accounts/",),
)
_provider(
    "BST482", "atlassian-api-token", "Atlassian", "Atlassian (Jira, Confluence, Bitbucket) API tokens (`ATATT3…`)",
    'JIRA_API_TOKEN = "ATAT…(192 chars)"', "JIRA_API_TOKEN",
    ("https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/",),
)
_provider(
    "BST483", "mailchimp-api-key", "Mailchimp", "Mailchimp API keys (32 hex characters and a data-centre suffix, `…-us6`)",
    'MAILCHIMP_API_KEY = "9f3c…(37 chars)"', "MAILCHIMP_API_KEY",
    ("https://mailchimp.com/developer/marketing/guides/quick-start/#generate-your-api-key",),
)
_provider(
    "BST484", "twitter-bearer-token", "X (Twitter) API", "X (Twitter) API app-only bearer tokens (`AAAAAAAAAAAAAAAAAAAAA…`)",
    'TWITTER_BEARER_TOKEN = "AAAA…(112 chars)"', "TWITTER_BEARER_TOKEN",
    ("https://developer.x.com/en/docs/authentication/oauth-2-0/bearer-tokens",),
)

declare(
    "BST490",
    "hardcoded-secret",
    summary="hardcoded password or secret assigned to a secret-like name",
    severity="medium",
    confidence="medium",
    cwe=798,
    owasp="A07",
    doc=f"""
## What it does
Finds literal values assigned to names that say they hold a credential (`password`, `DB_PASSWORD`,
`SECRET_KEY`, `api_key`, `client_secret`, `auth_token`, an `Authorization: Bearer …` header, a
Terraform variable's `default`, a Kubernetes `env` entry's `value`) in Python, `.env`, INI/CFG,
TOML, YAML, JSON, shell scripts, Dockerfile `ENV`/`ARG`, Terraform and notebooks. Passwords are
reported whatever they look like; keys and tokens only when the value is random enough (Shannon
entropy over the `entropy-threshold`, default 3.5 bits per character, lower for hex).

## Why is this bad?
A credential in a file is shared with everybody who can read the repository, its forks and build
artefacts, and it cannot be rotated without a code change. Weak literal passwords are also easy to
guess.

## Example
```python
DATABASES = {{"default": {{"USER": "shop", "PASSWORD": "Tr0u…(11 chars)"}}}}
SECRET_KEY = "djan…(50 chars)"
```

## Use instead
```python
import os

DATABASES = {{"default": {{"USER": "shop", "PASSWORD": os.environ["DB_PASSWORD"]}}}}
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
```

{_ROTATE}

## References
- https://cwe.mitre.org/data/definitions/798.html
- https://cwe.mitre.org/data/definitions/259.html
- https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html

## Known limitations
Not reported: placeholders (`changeme`, `<your-key>`, `xxx`, `${{VAR}}`), environment lookups,
documented example keys, public keys and certificates, publishable keys, hashes next to hash-like
names, UUIDs, commit ids and regular expressions (`(?:"[^"]+"|[A-Za-z0-9_]+?)`). Values built at run
time (f-strings, concatenation) are not followed. Findings in test code (`tests/`, `test_*.py`,
`fixtures/`) and in documentation (docstrings, comment lines, Markdown/reStructuredText) get low
confidence; in documentation, well-known demo passwords (`tiger` of `scott`/`tiger`, `hunter2`,
`letmein`) are examples and not reported at all (in code they are still reported).
""",
)

declare(
    "BST491",
    "private-key",
    summary="private key block in a file",
    severity="critical",
    confidence="high",
    cwe=321,
    owasp="A02",
    doc=f"""
## What it does
Finds PEM and OpenSSH private key blocks (`-----BEGIN RSA PRIVATE KEY-----`, `EC`, `DSA`,
`OPENSSH`, `ENCRYPTED`, PKCS#8 and PGP) with a real base64 body, in any text file, including keys
embedded in strings with `\\n` escapes and base64-encoded keys (`LS0tLS1CRUdJTi…`, as in Kubernetes
Secret `data:` and CI variables). Public keys and certificates are not reported.

## Why is this bad?
Whoever holds the private key can impersonate the server or user it belongs to, decrypt traffic
recorded earlier (without forward secrecy) and sign code or tokens. Key files in a repository are
copied to every clone.

## Example
```python
SIGNING_KEY = \"\"\"-----BEGIN RSA PRIVATE KEY-----
MIIEpAIBAAKCAQEA...
-----END RSA PRIVATE KEY-----\"\"\"
```

## Use instead
```python
from pathlib import Path
import os

SIGNING_KEY = Path(os.environ["SIGNING_KEY_FILE"]).read_text()
```

{_ROTATE}

## References
- https://cwe.mitre.org/data/definitions/321.html
- https://cheatsheetseries.owasp.org/cheatsheets/Key_Management_Cheat_Sheet.html
""",
)

declare(
    "BST492",
    "credential-url",
    summary="URL with an embedded password",
    severity="high",
    confidence="high",
    cwe=798,
    owasp="A07",
    doc=f"""
## What it does
Finds URLs that carry a password in their user-info part: database URLs
(`postgres://app:…@db/app`, `mysql://`, `mongodb+srv://`, `redis://:…@`), broker URLs
(`amqp://`), and HTTP(S) or FTP basic-auth URLs. Placeholders (`${{DB_PASSWORD}}`, `<password>`,
`password`, `xxx`) are ignored. In documentation (docstrings, comment lines, Markdown and
reStructuredText) a URL with a well-known demo password or user (`scott:tiger@localhost`) is an
example and is not reported; other URLs there are reported with low confidence.

## Why is this bad?
The password travels with the URL into logs, error pages, process listings and every copy of the
file, and it cannot be rotated without editing the code.

## Example
```python
DATABASE_URL = "postgres://shop:S3cr…(14 chars)@db.internal:5432/shop"
```

## Use instead
```python
import os

DATABASE_URL = os.environ["DATABASE_URL"]
```

{_ROTATE}

## References
- https://cwe.mitre.org/data/definitions/798.html
- https://cwe.mitre.org/data/definitions/522.html
""",
)

CODES += ["BST490", "BST491", "BST492"]
