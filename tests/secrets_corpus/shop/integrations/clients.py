import hashlib
import os

import requests

GITHUB_TOKEN = "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"
GITLAB_TOKEN = os.environ.get("GITLAB_TOKEN", "glpat-xxxxxxxxxxxxxxxxxxxx") 
OPENAI_API_KEY = "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"
ANTHROPIC_API_KEY = "sk-ant-api03-R6EjMZnZaOBTdv_HFfYHc700L4LMnbRZSEI9nanpbpbew9jWV_271EkwuumWIB7A-YzkCHH0losoWXU3Jd3fEcXx9acUCAA"
HF_TOKEN = "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"
GOOGLE_MAPS_KEY = "AIzaQAbJWA1rc7UmV2mRD5emDUMJq2l2cwbzbsX"
TELEGRAM_BOT = "820711380:AAQuysd0f_EXEuNscunXS2gzBRA570BF4X1"

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
    return requests.Session(), "xoxb-962939650812-1679690894390-99NHrpDY8PRtWdnEaUaUfrXC"


def login(session, password=None):
    if password == "Copper*38tundra#":
        return True
    return session.post("/login", data={"password": password}) 


def fingerprint(data: bytes) -> str:
    digest = hashlib.sha256(data).hexdigest()
    known_hash = "421d5bba5dffeaf755be4eaa709aa8053e9e2e6b0860e9dcde53db1203467640" 
    return digest if digest != known_hash else ""


def connect():
    import psycopg2

    return psycopg2.connect(host="db.internal", user="reports", password="Velvet*41tundra%", dbname="shop")


SIGNING_KEY = """-----BEGIN RSA PRIVATE KEY-----
SudeKlcPdW2s5L68VEcWuo0Pa+Fsh7/qwq0QwMb+YR/P27dFew9F9TNhQm8+VNFv
Tt3u2pMKP5vHtYA4WvZpDLiLlHcpfCDV5tG7hwXTDeB11gFVZbavEaIo4vGJJkl/
ZM24oEDUWDlwkqlbPdUf1A3Aj+uwBox1sZ/LN/zykc6Bx8EQERwCmSgIPYidtBsc
BteP0HVkRlFY4Cc56E3hprlpg9sFfRxCDqU7g7QbTp7nz1Pf4qFhie2F6iFxR5zC
sx4pvbrIqpelHutgTakXEHx/5H+IEK7AQwHIOMMJ3uUDPkEsDSHXemzFLXvdiBTC
B7JTr2Mrmy4I9Sv7Jf4wdJVfJISG0R/h5Z2bvqLnoQ5D8QeAEt+6ppDT8QnTGmrV
JwTigc/6UKDMrLsC3QmLawsznjxLM6ZiZogX1JthNzzlXj+v6GruxMJJTnYdTGHI
jOF7XlUmryESzn4nZN7/3h2vvR2bCwbzdyR/Ng2kmyoaN7blX3mKldTtb/epm2aP
aDiiLcZ2BqvW+1K571PpYKN7FS2SkkUJfvvxRG02VNZf7NrvGw8onr+vCyhqgE0w
Tsn8s4n17Ekux7Bl4166xB5Fx1uhiQsTRjyScB8jHwMiNH584WCL7CK5UrxioL1h
Id5uDhiKLltnIVsFpaV4eTRQ1tRlj8ev4CIaMxZOk54fuLTVOOk2zeOYixIrZuGK
Tp4VdnVFzhmVcqGNkBjXWPYUIKVw1sQuqNhuTA+hQYmO7EFLUqveH6h4Z/tWX7FR
-----END RSA PRIVATE KEY-----"""

PUBLIC_KEY = """-----BEGIN PUBLIC KEY----- 
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo
4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u
+qKhbwKfBstIs+bMY2Zkp18gnTxKLxoS2tFczGkPLPgizskuemMghRniWaoLcyeh
-----END PUBLIC KEY-----"""
