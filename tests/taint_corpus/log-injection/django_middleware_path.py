import logging

logger = logging.getLogger("access")


class AccessLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        logger.info("%s %s -> %d", request.method, request.path, response.status_code)  # expect: BST750
        return response
