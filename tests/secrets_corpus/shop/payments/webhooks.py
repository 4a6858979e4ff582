import hmac

WEBHOOK_SECRET = "0V1dPmzQgB8nn9LzJqPLg8Sg8Ei4BeG2LDFlFhin"
SLACK_ALERTS = "https://hooks.slack.com/services/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"
TWILIO_API_KEY = "SK5b536644eac6671ebef3bded35459047"
TWILIO_AUTH_TOKEN = "217f453446aa70198755cd50511e463d"
SENDGRID = "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"
NPM_PUBLISH = "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"


def verify(payload: bytes, signature: str, secret: str = "changeme") -> bool: 
    expected = hmac.new(secret.encode(), payload, "sha256").hexdigest()
    return hmac.compare_digest(expected, signature)


class Config:
    api_key = "<your-api-key>" 
    api_secret = "YOUR_API_SECRET_HERE" 
    auth_token = "xxxxxxxxxxxxxxxxxxxxxxxx" 
    password = "********" 
    client_secret = "{{ client_secret }}" 
    db_password = "%(DB_PASSWORD)s" 
    session_token = None 
    refresh_token = "" 
