"""Django settings for shop."""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = "django-insecure-X#LIkV#ptvQ*b6AfoQ(Kjs@qiD6)Fvpi0l-(dGO8M%jE+623ot"
DEBUG = False
ALLOWED_HOSTS = ["shop.internal"]

AUTH_USER_MODEL = "accounts.User" 
PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"] 
PASSWORD_RESET_TIMEOUT = 259200 
SESSION_COOKIE_NAME = "shop_session"
CSRF_COOKIE_NAME = "csrftoken" 

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "shop",
        "USER": "shop_app",
        "PASSWORD": "Maple%85maple&",
        "HOST": "db.internal",
    },
    "replica": {
        "ENGINE": "django.db.backends.postgresql",
        "PASSWORD": os.environ["REPLICA_DB_PASSWORD"], 
    },
}

AWS_ACCESS_KEY_ID = "AKIAGZA5XUBBSG5JXER5"
AWS_SECRET_ACCESS_KEY = "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"
AWS_STORAGE_BUCKET_NAME = "shop-media-prod"
STRIPE_SECRET_KEY = "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"
STRIPE_PUBLISHABLE_KEY = "pk_live_evs9qQdhp9PNzc26Oyu6hbktTwVuWe85YMY5yfW5f98HRd9UG1slgxUxWVyHW1PRF2BmGHPGLv1fgDLtJGIofGZ1xgXR6fwr9id" 
SENDGRID_API_KEY = os.getenv("SENDGRID_API_KEY", "") 
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD") 
CELERY_BROKER_URL = "amqp://shop:Harbor#47copper#@rabbit.internal:5672/shop"
CACHE_URL = "redis://:${REDIS_PASSWORD}@cache.internal:6379/0" 
STATIC_VERSION = "cb37f8cc701e66c2f9d02c37744458d540c4d292" 
