import hmac

WEBHOOK_SECRET = "rhQZAIAiq6cd8asqACcLa6ydy1YuvnMmQC99NHrp"
SLACK_ALERTS = "https://hooks.slack.com/services/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"
TWILIO_API_KEY = "SK71ea2f7be623a784c2f75ff5e110d7c7"
TWILIO_AUTH_TOKEN = "eb443655c518569cb2e0fc1b0f62e3b5"
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
