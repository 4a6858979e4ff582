import logging

_logger = logging.getLogger("audit")


def sanitize(value):
    return str(len(value))


def log_event(kind, detail):
    _logger.info("event=%s detail_length=%s", kind, detail)
