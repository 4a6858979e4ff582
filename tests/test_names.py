"""Qualified-name resolution as rules see it."""

from __future__ import annotations

import ast

from bastion.engine.context import Context
from bastion.model import Confidence, Docs, RuleInfo, Severity
from bastion.rules.registry import Rule
from bastion.source import from_bytes

PROBE = RuleInfo("BST299", "probe", "probe", Severity.LOW, Confidence.LOW, docs=Docs("w", "y"))


def resolved_calls(source: str, module: str = "pkg.mod", is_package: bool = False) -> dict[int, str | None]:
    seen: dict[int, str | None] = {}

    def probe(call: ast.Call, ctx: Context):
        seen.setdefault(call.lineno, ctx.call_name(call))

    context = Context(from_bytes(source.encode(), "pkg/mod.py"), module, is_package=is_package)
    context.run([Rule(PROBE, (ast.Call,), probe)])
    return seen


def test_import_forms_and_rebinding() -> None:
    calls = resolved_calls(
        """\
import os.path
import subprocess as sp
from os import path as p
from . import sibling
from ..top import helper as h
import xml.etree.ElementTree as ET
run = sp.run
os.path.join()
sp.Popen()
p.exists()
sibling.go()
h()
ET.parse()
run()
eval()
"""
    )
    assert calls == {
        8: "os.path.join",
        9: "subprocess.Popen",
        10: "os.path.exists",
        11: "pkg.sibling.go",
        12: "top.helper",
        13: "xml.etree.ElementTree.parse",
        14: "subprocess.run",
        15: "eval",
    }


def test_function_scopes_see_later_module_bindings_and_shadowing() -> None:
    calls = resolved_calls(
        """\
def f(request):
    system(request)
    request.get()
    import pickle as pk
    pk.loads()

def g():
    def eval(x):
        return x
    eval(1)

from os import system
s = __import__("requests").Session()
"""
    )
    assert calls[2] == "os.system"
    assert calls[3] is None
    assert calls[5] == "pickle.loads"
    assert calls[10] == "pkg.mod.g.eval"


def test_instances_and_methods() -> None:
    calls = resolved_calls(
        """\
import requests
import sqlite3

class Client:
    def fetch(self):
        return requests.Session()

session = requests.Session()
session.get()
conn = sqlite3.connect("db")
cursor = conn.cursor()
cursor.execute("q")
Client().fetch()
"""
    )
    assert calls[9] == "requests.Session().get"
    assert calls[12] == "sqlite3.connect().cursor().execute"
    assert calls[13] == "pkg.mod.Client().fetch"


def test_relative_import_inside_package_init() -> None:
    calls = resolved_calls("from .views import index\nindex()\n", module="shop", is_package=True)
    assert calls[2] == "shop.views.index"
