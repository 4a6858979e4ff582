"""The route facts' one walk per function: the same nodes, in the same order, as a plain walk."""

from __future__ import annotations

import ast
import textwrap
from collections import Counter
from pathlib import Path

import pytest

from bastion.engine.astutil import descendants
from bastion.routes import syntax
from bastion.routes.walk import KEPT, SHORT_STRING, walk

SAMPLE = textwrap.dedent('''
    import os
    from flask import abort, request

    @app.route("/x/<int:id>", methods=["POST"])
    @login_required
    def view(id: int, *args, flag=False, limit: int = 10, **kwargs) -> Response:
        from .models import Item
        import json as j
        item = Item.objects.get(pk=id)
        if not current_user.is_admin or request.user.role != "admin":
            abort(403)
        options = {**defaults, "mode": "w", None: 1}
        values = [x.name for x in items if x.owner_id == user.id]
        with open(path, "w") as handle, lock:
            handle.write(f"{item!r} and {value:>{width}}")
        def inner(*, key=None, other):
            return (lambda a, b=2: a.b.c(b))(key)
        match item:
            case {"kind": kind, **rest}:
                pass
        try:
            os.remove(name)
        except (OSError, ValueError) as error:
            raise PermissionDenied("no") from error
        return render("page.html", status=403), 403
''')


def _functions(tree: ast.AST) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    return [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]


def _check(function: ast.AST) -> None:
    expected = descendants(function)
    walked = walk(function)
    # Names read from a single field are noted without being queued; all else keeps its place.
    queued = [id(n) for n in walked.nodes]
    assert queued == [id(n) for n in expected if id(n) in set(queued)]
    assert Counter(walked.names) == Counter(n.id for n in expected if isinstance(n, ast.Name))
    spelled = [n.attr for n in expected if isinstance(n, ast.Attribute)]
    spelled += [n.arg for n in expected if isinstance(n, ast.arg)]
    spelled += [n.value for n in expected if isinstance(n, ast.Constant) and isinstance(n.value, str) and len(n.value) < SHORT_STRING]
    assert Counter(walked.spelled) == Counter(spelled)
    assert walked.calls == [n for n in expected if isinstance(n, ast.Call)]  # breadth-first order kept
    assert walked.bare_calls == [n for n in walked.calls if isinstance(n.func, ast.Name)]
    assert walked.kept == [n for n in expected if n.__class__ in KEPT]
    assert walked.imports == any(isinstance(n, (ast.Import, ast.ImportFrom)) for n in expected)


def test_walk_matches_a_plain_breadth_first_walk_on_a_varied_function() -> None:
    functions = _functions(ast.parse(SAMPLE))
    assert len(functions) == 2
    for function in functions:
        _check(function)


def test_walk_matches_a_plain_walk_over_the_fixture_projects() -> None:
    root = Path(__file__).parent
    files = sorted([*root.glob("apps/**/*.py"), *root.glob("fixtures/rules/BST3*/*.py")])
    assert files
    for path in files:
        try:
            tree = ast.parse(path.read_bytes())
        except SyntaxError:
            continue
        for function in _functions(tree):
            _check(function)


@pytest.mark.parametrize(("source", "empty"), [
    ("def f(x):\n    return x + 1\n", True),
    ("def f(x):\n    if x: raise ValueError(x)\n    return x\n", True),  # a raise that refuses nobody
    ("def f(x):\n    if not x.user: raise PermissionDenied\n", False),
    ("def f(x):\n    if not x.user: return {}, 401\n", False),
    ("def f(x):\n    if not x.user: return Response(status=401)\n", False),
])
def test_a_body_that_names_no_refusal_is_not_a_guard(source: str, empty: bool) -> None:
    body = syntax.Body(ast.parse(source).body[0])
    assert body.may_refuse() is not empty
    if empty:
        assert syntax.guard_signature(body) is None and syntax.inline_guard(body) is None
    else:
        assert syntax.guard_signature(body) is not None


def test_role_words_are_recognised_again_after_plain_words_were_remembered() -> None:
    assert not syntax.about_roles({"value", "total"})
    assert not syntax.about_roles({"value", "total"})  # now remembered as plain
    assert syntax.about_roles({"value", "user_roles"})
    assert syntax.about_roles({"value", "is_administrator"})
