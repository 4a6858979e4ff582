"""Confidence splits made for precision on real code (issue 4): findings kept, but marked doubtful
where the code itself gives the reason."""

from __future__ import annotations

import textwrap

from bastion.config import Config
from bastion.engine.runner import check_text
from bastion.model import Confidence


def confidences(text: str, code: str) -> list[tuple[int, Confidence]]:
    findings = check_text(textwrap.dedent(text), path="lib/module.py", config=Config(select=(code,)), module="lib.module")
    return sorted((f.location.line, f.effective_confidence) for f in findings if f.code == code)


def test_pickles_the_module_writes_itself_are_low_confidence() -> None:
    cache = """
        import pickle

        class FileCache:
            def set(self, handle, value):
                handle.write(pickle.dumps(value))

            def get(self, handle):
                return pickle.loads(handle.read())
    """
    assert confidences(cache, "BST203") == [(9, Confidence.LOW)]
    reader = "import pickle\n\ndef get(handle):\n    return pickle.loads(handle.read())\n"
    assert confidences(reader, "BST203") == [(4, Confidence.HIGH)]


def test_generated_definitions_are_low_confidence_other_code_is_not() -> None:
    text = """
        def attrsetter(attrname):
            code = "def set(obj, value):    obj.%s = value" % attrname
            exec(code, {})

        def run(script):
            exec(script)

        def from_pyfile(filename, namespace):
            with open(filename, "rb") as config_file:
                exec(compile(config_file.read(), filename, "exec"), namespace)
    """
    assert confidences(text, "BST201") == [(4, Confidence.LOW), (7, Confidence.MEDIUM), (11, Confidence.LOW)]  # one finding for exec(compile(...))


def test_hmac_with_sha1_is_sound_and_with_md5_only_deprecated() -> None:
    text = """
        import hashlib, hmac

        def sign(key, msg):
            a = hmac.new(key, msg, hashlib.sha1)
            b = hmac.new(key, msg, hashlib.md5)
            return a, b
    """
    assert confidences(text, "BST403") == [(6, Confidence.LOW)]
