import re


def compile_rule(text):
    return re.compile(re.escape(text), re.MULTILINE)
