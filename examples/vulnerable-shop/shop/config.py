class Config:
    SECRET_KEY = "s3cr3t-shop-key-9f8e7d6c5b4a"
    SESSION_COOKIE_SECURE = False
    DATABASE = "shop.db"
    PAYMENT_API = "https://payments.example.com/api"
