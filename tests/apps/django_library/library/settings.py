ROOT_URLCONF = "library.urls"
MIDDLEWARE = ["django.middleware.csrf.CsrfViewMiddleware"]
