import hashlib
import os

import requests

GITHUB_TOKEN = "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"
GITLAB_TOKEN = os.environ.get("GITLAB_TOKEN", "glpat-xxxxxxxxxxxxxxxxxxxx") 
OPENAI_API_KEY = "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"
ANTHROPIC_API_KEY = "sk-ant-api03-31jd__dl8vMvZ4ubd4d3LlPmsXrNJqcnIzM2sYbBHW8shcVY8L-iyXB8OsJEwkO9xItRPuKbBFyy5HofW1etbLgHm0D71AA"
HF_TOKEN = "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"
GOOGLE_MAPS_KEY = "AIzadv_HFfYHc700L4LMnbRZSEI9nanpbpbew9j"
TELEGRAM_BOT = "996708058:AAWV_271EkwuumWIB7A-YzkCHH0losoWXU3"

EXAMPLE_AWS_KEY = "AKIAIOSFODNN7EXAMPLE" 
EXAMPLE_AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" 
DOCS_JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c" 
STRIPE_DOCS_KEY = "sk_test_4eC39HqLyjWDarjtT1zdp7dc" 
REQUEST_ID = "cf6312de-7034-42ea-a36a-7b8c57cd7139" 
client_id = "e0f05cb0-7947-4c8f-a566-4027fcc17152" 
api_key_id = "272ec924-358a-42f1-a5c7-c830a7b51115" 
EXPECTED_SHA256 = "9a5c39aaf82aba8b4b8aeccf7a8e381fb6d82cd07a079acf1be40892dd051177" 
release_commit = "29f6b666cbdbf504de0965c5dc8a06b9b6b3b3c4" 
TOKEN_URL = "https://oauth2.googleapis.com/token" 
TOKEN_TYPE = "Bearer" 
max_tokens = 4096 
secret_name = "prod/shop/db" 
password_field = "password" 


def github_headers(token: str = "") -> dict:
    return {"Authorization": f"token {token}"} 


def slack_client():
    return requests.Session(), "xoxb-812913958295-2338807571276-Ogbut1gt4vPzCOsshmL5qhYn"


def login(session, password=None):
    if password == "Velvet*79copper#":
        return True
    return session.post("/login", data={"password": password}) 


def fingerprint(data: bytes) -> str:
    digest = hashlib.sha256(data).hexdigest()
    known_hash = "421d5bba5dffeaf755be4eaa709aa8053e9e2e6b0860e9dcde53db1203467640" 
    return digest if digest != known_hash else ""


def connect():
    import psycopg2

    return psycopg2.connect(host="db.internal", user="reports", password="Tundra!72harbor&", dbname="shop")


SIGNING_KEY = """-----BEGIN RSA PRIVATE KEY-----
p5mA6s8VIbXaYPO41EZ5DHBEbeTHhEH0Bm+n1dSfznb4u4JY2nn25z29qDu3qIVD
wAY3MIDlaQYKJjRT+PwmLE5LbWpZo4qfJt3IjtU3MZ4U3NhllON5tycEF7FJ3MWq
v566GwA91vFpdDKHGHLfFONvQcYzUUA+Uz5LDcXlM7+GvClIQb4qpHDy3RGUXxqw
/aRBIzU/FSD5xrkBWMjAyIUJxrHRgIHZCE4bNsvLPhLSt1mQIN7MLYAA5cfYUb/i
KNfCmtGNcQDJve/VpvHja2fbI+WvdPHWD30AVoFg+p5VsPs4Y2r9mbcaSboP7vzX
0l9qduxMTyjvC+yz6he9TOYJCyuC3iNsR6zerEYKAk3dUSvvUIVM4Xh9SiJekhcG
IYqvyvAkk5xotGBztBwRqpAxdT2DUNpM/HSBBq/1Y+s53aPqLskeKElZz6hjDqUZ
gpkdgYMPehLVzoTDLNwZVGk1v/4XawCL4ljmbWEhhEudJ765D6JfbAuAeThsrfS4
Ci4+24Fkq2FAtzry0zWA3yE2qYUGYSc3WXX7gJkmVWd0IeDn541p8z/QdjbosHJY
lg6iL4mZ9flSu9Sr43hoiX1a2iGqXEFcJzVFnAiLbZgLomhl0aJTWbHtfzuXhjve
qs/LaacfPj41JUR+IR5ZCbfWusThLRAvurnLvrx4IuLBpVMIMhmtXKIoZBpicPpY
EujOxZjDWzijRoGNHt1gXQ1rqE7xOXC4xDv6obHWNvkzwPcuMPZ/JaeF52zUHJDX
-----END RSA PRIVATE KEY-----"""

PUBLIC_KEY = """-----BEGIN PUBLIC KEY----- 
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo
4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u
+qKhbwKfBstIs+bMY2Zkp18gnTxKLxoS2tFczGkPLPgizskuemMghRniWaoLcyeh
-----END PUBLIC KEY-----"""
