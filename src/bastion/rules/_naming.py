"""What names say about the values they hold: security-sensitive words in identifiers."""

from __future__ import annotations

import ast
import functools
import re

from bastion.engine.astutil import name_of_target

SECURITY_WORDS = re.compile(
    r"(?:^|_)(?:token|password|passwd|passphrase|pwd|secret|nonce|salt|otp|totp|hotp|pin|csrf|xsrf|"
    r"apikey|api_key|auth|authn|session|sessionid|sid|cookie|signature|signing|hmac|credential|"
    r"private|privkey|cipher|crypt|encrypt|encryption|decrypt|iv|reset|activation|verification|invite|"
    r"captcha|challenge|recovery|bearer|jwt|oauth)(?:$|_|s$)",
    re.IGNORECASE,
)
_ID_WORDS = re.compile(r"(?:^|_)(?:session_id|sessionid|user_id_token|token_id|uid_token)(?:$|_)", re.IGNORECASE)
NOT_SECURITY = re.compile(
    r"(?:^|_)(?:color|colour|delay|sleep|jitter|sample|shuffle|index|idx|offset|seed_data|weight|port|backoff|"
    r"retry|timeout|x|y|z|row|col|test|mock|fake|dummy|example|demo|cache_key|cachekey|sort_key|partition|"
    r"bucket|shard|hash_key|dict_key|keyname|key_name|keyfunc|key_func|hotkey|monkey|keyboard|keystroke|keyword)(?:$|_|s$)",
    re.IGNORECASE,
)


_CAMEL_HUMP = re.compile(r"(?<=[a-z0-9])([A-Z])")


@functools.lru_cache(maxsize=8192)  # the same names come back on every line of a file
def camel_to_snake(name: str) -> str:
    return _CAMEL_HUMP.sub(r"_\1", name).lower()


def is_security_name(name: str | None) -> bool:
    if not name:
        return False
    snake = camel_to_snake(name)
    if NOT_SECURITY.search(snake):
        return False
    return bool(SECURITY_WORDS.search(snake) or _ID_WORDS.search(snake))


def destination_names(ancestors: list[ast.AST]) -> list[str]:
    """Names the value of the innermost expression is stored under or passed as, nearest first:
    assignment targets, keyword arguments, dict keys, and the enclosing function's name for returns."""
    names: list[str] = []
    for node in reversed(ancestors):
        if isinstance(node, ast.keyword) and node.arg:
            names.append(node.arg)
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                for element in target.elts if isinstance(target, (ast.Tuple, ast.List)) else [target]:
                    found = name_of_target(element)
                    if found:
                        names.append(found)
            break
        elif isinstance(node, ast.Return):
            function = next((n for n in reversed(ancestors) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))), None)
            if function is not None:
                names.append(function.name)
            break
        elif isinstance(node, ast.stmt):
            break
    return names
