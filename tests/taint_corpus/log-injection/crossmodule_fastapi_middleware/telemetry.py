import logging

logger = logging.getLogger("access")


def log_request(path: str, agent: str) -> None:
    logger.info("GET %s ua=%s", path, agent)  # expect: BST750
