import re


def compile_rule(text):
    return re.compile(text, re.MULTILINE)  # expect: BST262
