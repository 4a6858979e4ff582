import logging

_logger = logging.getLogger("audit")


def log_event(kind, detail):
    _logger.info("event=%s detail=%s", kind, detail)  # expect: BST750
