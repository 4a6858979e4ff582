"""The taint engine's shortcuts (work skipped because its result cannot matter) keep the results.

Each test pins a case where a shortcut that skipped too much would change a finding.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from bastion.config import Config
from bastion.engine.runner import scan

SELECT = ("BST25", "BST26", "BST550", "BST750")
HEADER = "import os\nfrom flask import Flask, request\napp = Flask(__name__)\n"


def findings(tmp_path: Path, files: dict[str, str]) -> set[tuple[str, int, str]]:
    for name, text in files.items():
        (tmp_path / name).write_text(textwrap.dedent(text))
    config = Config(root=tmp_path, select=SELECT, cache=False, jobs=1)
    result = scan([tmp_path], config, use_cache=False, jobs=1)
    return {(Path(f.location.path).name, f.location.line, f.code) for f in result.findings}


def app(body: str) -> dict[str, str]:
    return {"app.py": HEADER + textwrap.dedent(body)}


def test_a_sink_inside_an_if_test_is_reported(tmp_path: Path) -> None:
    # Tests of plain names and comparisons are evaluated once; a test holding a call is not plain.
    found = findings(tmp_path, app("""
        @app.route("/a")
        def a():
            host = request.args["host"]
            if os.system("ping " + host) == 0 and host:
                return "up"
            return "down"
    """))
    assert ("app.py", 8, "BST251") in found


def test_reassigning_a_name_forgets_its_attributes(tmp_path: Path) -> None:
    found = findings(tmp_path, app("""
        class Box:
            pass

        @app.route("/b")
        def b():
            box = Box()
            box.command = request.args["c"]
            os.system(box.command)
            box = Box()
            os.system(box.command)
    """))
    assert ("app.py", 12, "BST251") in found
    assert ("app.py", 14, "BST251") not in found


def test_a_subscript_store_on_an_attribute_is_forgotten_with_its_name(tmp_path: Path) -> None:
    found = findings(tmp_path, app("""
        class Box:
            def __init__(self):
                self.parts = {}

        @app.route("/c")
        def c():
            box = Box()
            box.parts["cmd"] = request.args["c"]
            os.system(box.parts["cmd"])
            box = Box()
            os.system(box.parts["cmd"])
    """))
    assert ("app.py", 13, "BST251") in found
    assert ("app.py", 15, "BST251") not in found


def test_keyword_arguments_reach_a_sink_through_kwargs(tmp_path: Path) -> None:
    found = findings(tmp_path, {
        "runner.py": """
            import os

            def run(name, **options):
                os.system(options["cmd"])
        """,
        **app("""
            from runner import run

            @app.route("/d")
            def d():
                run("x", cmd=request.args["c"])
        """),
    })
    assert ("runner.py", 5, "BST251") in found


def test_a_constructor_argument_reaches_a_sink_through_a_field(tmp_path: Path) -> None:
    found = findings(tmp_path, app("""
        class Runner:
            def __init__(self, command, label):
                self.command = command
                self.label = label

            def go(self):
                os.system(self.command)

        @app.route("/e")
        def e():
            Runner(request.args["c"], "fixed").go()
            Runner("ls", request.args["l"]).go()
    """))
    assert ("app.py", 11, "BST251") in found
    assert len([f for f in found if f[2] == "BST251"]) == 1


def test_a_call_evaluated_again_in_a_loop_keeps_the_arguments_of_both_passes(tmp_path: Path) -> None:
    # The loop's second pass records the call again under the same label: its arguments are the
    # union of both passes, so what only the second pass sees still reaches the callee's sink.
    found = findings(tmp_path, app("""
        def run(cmd):
            os.system(cmd)

        @app.route("/f")
        def f():
            value = "ls"
            for _ in range(3):
                run(value)
                value = request.args["c"]
    """))
    assert ("app.py", 6, "BST251") in found


def test_a_call_in_an_if_test_evaluated_once_still_binds_its_arguments(tmp_path: Path) -> None:
    found = findings(tmp_path, app("""
        def check(cmd):
            return os.system(cmd) == 0

        @app.route("/g")
        def g():
            if check(request.args["c"]) == True:
                return "ok"
            return "no"
    """))
    assert ("app.py", 6, "BST251") in found


def test_functions_nobody_calls_and_calls_whose_value_nobody_reads_still_report(tmp_path: Path) -> None:
    # The project pass skips the summary of a function without callers and the value of a call
    # whose label nothing reads; neither may lose the sink in the view or in the callee.
    found = findings(tmp_path, app("""
        def identity(x):
            return x

        def run(cmd):
            os.system(cmd)

        @app.route("/h")
        def h():
            os.system(identity(request.args["c"]))
            run(request.args["d"])
    """))
    assert ("app.py", 13, "BST251") in found
    assert ("app.py", 9, "BST251") in found
