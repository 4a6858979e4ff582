"""Semantics of the taint engine, on small programs scanned as real projects."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from bastion.config import Config
from bastion.engine.runner import scan
from bastion.taint.patterns import cleared_by

SELECT = ("BST25", "BST26", "BST550", "BST750")


def run(tmp_path: Path, files: dict[str, str], **taint: object) -> list[tuple[str, int, str]]:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    config = Config(root=tmp_path, select=SELECT, cache=False, scan_tests=True, jobs=1)
    if taint:
        config = _with_taint(config, taint)
    result = scan([tmp_path], config, use_cache=False, jobs=1)
    assert not [d for d in result.diagnostics if "taint" in d.message], result.diagnostics
    return sorted((Path(f.location.path).name, f.location.line, f.code) for f in result.findings)


def _with_taint(config: Config, taint: dict[str, object]) -> Config:
    import dataclasses

    sections = dict(getattr(config, "sections", {}) or {})
    sections["taint"] = taint
    return dataclasses.replace(config, sections=sections)


def flask(body: str) -> dict[str, str]:
    header = "import os, subprocess, sqlite3, html, re\nfrom flask import Flask, request, redirect, session\napp = Flask(__name__)\n"
    return {"app.py": header + textwrap.dedent(body)}


def codes_at(findings: list[tuple[str, int, str]], line: int) -> set[str]:
    return {code for _, at, code in findings if at == line}


# -- sources and sinks ---------------------------------------------------------------------


def test_request_argument_into_shell_is_reported_with_trace(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(flask("""
        @app.route("/ping")
        def ping():
            host = request.args.get("host")
            os.system("ping " + host)
    """)["app.py"])
    config = Config(root=tmp_path, select=SELECT, cache=False, jobs=1)
    [finding] = scan([tmp_path], config, use_cache=False, jobs=1).findings
    assert finding.code == "BST251"
    assert "request.args" in finding.message and "os.system" in finding.message
    assert [step.location.line for step in finding.trace] == [7, 8]


def test_constant_command_is_not_reported(tmp_path: Path) -> None:
    assert run(tmp_path, flask("""
        @app.route("/ping")
        def ping():
            os.system("ping localhost")
    """)) == []


def test_typed_route_converter_is_not_taintable(tmp_path: Path) -> None:
    found = run(tmp_path, flask("""
        @app.route("/u/<int:uid>/<name>")
        def user(uid, name):
            conn = sqlite3.connect("db")
            conn.execute("SELECT * FROM u WHERE id = %s" % uid)
            conn.execute("SELECT * FROM u WHERE name = '%s'" % name)
            return "ok"
    """))
    assert found == [("app.py", 9, "BST550")]


def test_fastapi_typed_parameters(tmp_path: Path) -> None:
    found = run(tmp_path, {"api.py": """
        import os
        from enum import Enum
        from uuid import UUID
        from fastapi import FastAPI, Query
        app = FastAPI()

        class Color(str, Enum):
            red = "red"

        @app.get("/items/{item_id}")
        def item(item_id: int, ref: UUID, color: Color, name: str = Query(...), slug: str = Query(..., pattern=r"^[a-z0-9-]+$")):
            os.system(f"echo {item_id} {ref} {color} {slug}")
            os.system("echo " + name)
    """})
    assert found == [("api.py", 14, "BST251")]


def test_django_view_sources(tmp_path: Path) -> None:
    found = run(tmp_path, {"views.py": """
        from django.http import HttpResponse
        from django.db import connection

        def search(request):
            q = request.GET.get("q", "")
            with connection.cursor() as cursor:
                cursor.execute("SELECT * FROM t WHERE x = %s", [q])
                cursor.execute("SELECT * FROM t WHERE x = '" + q + "'")
            return HttpResponse("<p>" + q + "</p>")
    """})
    assert found == [("views.py", 9, "BST550"), ("views.py", 10, "BST253")]


def test_low_confidence_sources_can_be_switched_off(tmp_path: Path) -> None:
    files = {"tool.py": "import os, sys\nos.system('ls ' + sys.argv[1])\n"}
    assert run(tmp_path, files) == [("tool.py", 2, "BST251")]


def test_the_environment_is_operator_input_unless_configured(tmp_path: Path) -> None:
    files = {"shell.py": """
        import os

        def startup():
            path = os.environ.get("PYTHONSTARTUP")
            config = os.getenv("APP_CONFIG", "app.cfg")
            with open(path) as handle:
                exec(compile(handle.read(), path, "exec"))
            os.system("deploy " + os.environ["TARGET"])
            return open(config).read()
    """}
    assert run(tmp_path, files) == []
    assert run(tmp_path, files, **{"environment-sources": True}) == [
        ("shell.py", 7, "BST252"), ("shell.py", 8, "BST250"), ("shell.py", 9, "BST251"), ("shell.py", 10, "BST252"),
    ]


def test_cgi_request_variables_are_request_data(tmp_path: Path) -> None:
    files = {"page.py": """
        import os

        query = os.environ.get("QUERY_STRING", "")
        agent = os.environ["HTTP_USER_AGENT"]
        home = os.environ["HOME"]
        os.system("grep " + query)
        os.system("log " + agent)
        os.system("ls " + home)
        print("Location: " + os.getenv("HTTP_REFERER"))
        open(os.getenv("PATH_INFO"))
    """}
    assert run(tmp_path, files) == [("page.py", 7, "BST251"), ("page.py", 8, "BST251"), ("page.py", 11, "BST252")]


def test_a_false_conjunction_refines_each_way_it_can_fail(tmp_path: Path) -> None:
    found = run(tmp_path, {"views.py": """
        from django.http import HttpResponseRedirect
        from django.utils.http import url_has_allowed_host_and_scheme as allowed

        def checked_when_present(request):
            nxt = request.GET.get("next")
            if nxt and not allowed(nxt, allowed_hosts=None):
                nxt = "/"
            return HttpResponseRedirect(nxt or "/")

        def checked_only_for_browsers(request):
            nxt = request.GET.get("next")
            if request.accepts("text/html") and not allowed(nxt, allowed_hosts=None):
                nxt = "/"
            return HttpResponseRedirect(nxt)

        def either_way(request):
            nxt = request.GET.get("next")
            if not nxt or allowed(nxt, allowed_hosts=None):
                return HttpResponseRedirect(nxt or "/")
            return HttpResponseRedirect(nxt)
    """})
    assert found == [("views.py", 15, "BST255"), ("views.py", 21, "BST255")]


def test_only_the_query_string_after_a_fixed_target(tmp_path: Path) -> None:
    found = run(tmp_path, flask("""
        @app.route("/r")
        def r():
            TARGET = app.config["CATALOGUE_URL"]
            query = request.query_string.decode()
            if request.args.get("a"):
                return redirect(TARGET + "?" + query)
            if request.args.get("b"):
                return redirect(f"{TARGET}#{query}")
            if request.args.get("c"):
                return redirect("%s?%s" % (TARGET, query))
            return redirect(query + "?from=r")
    """))
    assert found == [("app.py", 15, "BST255")]


def test_dates_numbers_and_digests_are_safe_header_values_reversible_encodings_are_not(tmp_path: Path) -> None:
    found = run(tmp_path, {"views.py": """
        import base64, hashlib
        from django.http import HttpResponse
        from django.utils.http import http_date

        def feed(request):
            stamp = request.GET.get("since")
            response = HttpResponse("ok")
            response.headers["Last-Modified"] = http_date(float(stamp))
            response.headers["Expires"] = http_date(parse(stamp).timestamp())
            response.headers["X-Echo"] = base64.b64encode(stamp.encode()).decode()
            response.headers["ETag"] = hashlib.new("sha256", stamp.encode()).hexdigest()
            response.headers["X-Raw"] = stamp
            response.headers["X-Back"] = base64.b64decode(base64.b64encode(stamp.encode())).decode()
            return response
    """})
    assert found == [("views.py", 11, "BST261"), ("views.py", 13, "BST261"), ("views.py", 14, "BST261")]


def test_a_dispatcher_forwarding_its_arguments_builds_no_html(tmp_path: Path) -> None:
    found = run(tmp_path, {"app.py": """
        from flask import Flask, current_app, request
        from flask.views import View

        app = Flask(__name__)

        class Dispatcher(View):
            def dispatch_request(self, **kwargs):
                meth = getattr(self, request.method.lower(), None)
                return current_app.ensure_sync(meth)(**kwargs)

        app.add_url_rule("/<name>", view_func=Dispatcher.as_view("d"))

        @app.route("/h/<name>")
        def h(name):
            render = app.jinja_env.globals["fmt"]
            return render("<b>%s</b>" % name)
    """})
    assert found == [("app.py", 17, "BST253")]


def test_server_set_wsgi_variables_are_not_request_data(tmp_path: Path) -> None:
    found = run(tmp_path, {"views.py": """
        from django.http import HttpResponse

        def view(request):
            request.session["csrf"] = request.META["CSRF_COOKIE"]
            request.session["ip"] = request.META.get("REMOTE_ADDR")
            request.session["agent"] = request.META.get("HTTP_USER_AGENT")
            request.session["query"] = request.META["QUERY_STRING"]
            return HttpResponse("ok")
    """})
    assert found == [("views.py", 7, "BST260"), ("views.py", 8, "BST260")]


# -- propagation ---------------------------------------------------------------------------


@pytest.mark.parametrize("expression", [
    'f"ls {v}"', '"ls %s" % v', '"ls {}".format(v)', '" ".join(["ls", v])', "v[1:]", "v.strip().lower()",
    "base64.b64decode(v).decode()", "urllib.parse.unquote(v)", "(lambda s: s)(v)", "[x for x in [v]][0]",
])
def test_propagation_through_expressions(tmp_path: Path, expression: str) -> None:
    found = run(tmp_path, flask(f"""
        import base64, urllib.parse

        @app.route("/x")
        def x():
            v = request.args["v"]
            os.system({expression})
    """))
    assert codes_at(found, 10) == {"BST251"}


def test_containers_track_elements_and_keys(tmp_path: Path) -> None:
    found = run(tmp_path, flask("""
        @app.route("/x")
        def x():
            v = request.args["v"]
            items = ["safe", v, "other"]
            items.append("last")
            items.pop(0)
            os.system(items[0])
            os.system(items[2])
            data = {"a": "fixed", "b": v}
            os.system(data["a"])
            os.system(data.get("b"))
            a, b = "fixed", v
            os.system(a)
            os.system(b)
    """))
    assert found == [("app.py", 11, "BST251"), ("app.py", 15, "BST251"), ("app.py", 18, "BST251")]


def test_flow_sensitive_kill_branches_and_dead_code(tmp_path: Path) -> None:
    found = run(tmp_path, flask("""
        FEATURE = False

        @app.route("/x")
        def x():
            v = request.args["v"]
            w = v
            w = "constant"
            os.system(w)
            if 3 * 4 > 20:
                os.system(v)
            if FEATURE and v:
                os.system(v)
            u = "a" if len("abc") < 10 else v
            os.system(u)
            return "ok"
    """))
    assert found == []


def test_branch_merge_keeps_taint(tmp_path: Path) -> None:
    found = run(tmp_path, flask("""
        @app.route("/x")
        def x():
            v = request.args["v"]
            if request.args.get("mode"):
                z = v
            else:
                z = "fixed"
            os.system(z)
            while v:
                w = v
                break
            else:
                w = "x"
            os.system(w)
    """))
    assert found == [("app.py", 12, "BST251"), ("app.py", 18, "BST251")]


def test_match_on_constant(tmp_path: Path) -> None:
    found = run(tmp_path, flask("""
        @app.route("/x")
        def x():
            v = request.args["v"]
            mode = "safe"
            match mode:
                case "unsafe":
                    os.system(v)
                case _:
                    os.system("ls")
    """))
    assert found == []


# -- sanitisers and guards -----------------------------------------------------------------


def test_sanitisers_are_per_sink_kind(tmp_path: Path) -> None:
    found = run(tmp_path, flask("""
        import shlex

        @app.route("/x")
        def x():
            v = request.args["v"]
            os.system("ls " + shlex.quote(v))
            os.system("ls " + html.escape(v))
            os.system("ls %d" % int(v))
            return "<p>" + html.escape(v) + "</p>"
    """))
    assert found == [("app.py", 11, "BST251")]


def test_guards_clean_the_guarded_branch(tmp_path: Path) -> None:
    found = run(tmp_path, flask("""
        from flask import abort

        @app.route("/x")
        def x():
            v = request.args["v"]
            if v in ("a", "b"):
                os.system(v)
            if re.fullmatch(r"[a-z0-9.-]+", v):
                os.system("nslookup " + v)
            if not v.isdigit():
                abort(400)
            os.system("kill " + v)
    """))
    assert found == []


def test_path_checks(tmp_path: Path) -> None:
    found = run(tmp_path, flask("""
        BASE = "/srv/files"

        @app.route("/x")
        def x():
            name = request.args["name"]
            full = os.path.realpath(os.path.join(BASE, name))
            if full.startswith(BASE + os.sep):
                open(full)
            open(os.path.join(BASE, os.path.basename(name)))
            open(full)
    """))
    assert found == [("app.py", 14, "BST252")]


def test_regex_alphabet() -> None:
    assert "command" in cleared_by(r"[a-z0-9.-]{1,253}", "fullmatch")
    assert "ssrf" not in cleared_by(r"[a-z0-9.-]{1,253}", "fullmatch")
    assert cleared_by(r"[a-z]+", "search") == frozenset()  # not anchored
    assert "log" not in cleared_by(r"^[a-z]+$", "match")  # `$` allows a trailing newline
    assert cleared_by(r".*", "fullmatch") == frozenset()


# -- functions and modules -----------------------------------------------------------------


def test_helper_summaries_in_one_file(tmp_path: Path) -> None:
    found = run(tmp_path, flask("""
        def wrap(value):
            return "ls " + value

        def clean(value):
            return str(int(value))

        def execute(command):
            subprocess.run(command, shell=True)

        @app.route("/x")
        def x():
            v = request.args["v"]
            os.system(wrap(v))
            os.system(wrap(clean(v)))
            execute(v)
            execute("ls")
    """))
    assert found == [("app.py", 12, "BST251"), ("app.py", 17, "BST251")]


def test_cross_module_helpers_and_classes(tmp_path: Path) -> None:
    found = run(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/db.py": """
            import sqlite3

            class Repo:
                def __init__(self, path):
                    self.conn = sqlite3.connect(path)

                def find(self, name):
                    return self.conn.execute("SELECT * FROM t WHERE n = '" + name + "'")

            def quote(value):
                return value.replace("'", "''")
        """,
        "pkg/views.py": """
            from flask import Flask, request
            from .db import Repo
            from pkg import db

            app = Flask(__name__)
            repo = Repo("x.db")

            @app.route("/x")
            def x():
                repo.find(request.args["name"])
                repo.find("constant")
                return "ok"
        """,
    })
    assert found == [("db.py", 9, "BST550")]


def test_cross_module_trace_names_the_call(tmp_path: Path) -> None:
    (tmp_path / "helpers.py").write_text("import os\n\ndef run(cmd):\n    os.system(cmd)\n")
    (tmp_path / "app.py").write_text(
        "from flask import Flask, request\nfrom helpers import run\napp = Flask(__name__)\n\n"
        "@app.post('/x')\ndef x():\n    run(request.form['c'])\n    return ''\n"
    )
    config = Config(root=tmp_path, select=SELECT, cache=False, jobs=1)
    [finding] = scan([tmp_path], config, use_cache=False, jobs=1).findings
    assert finding.location.path.endswith("helpers.py") and finding.location.line == 4
    steps = [(Path(s.location.path).name, s.location.line) for s in finding.trace]
    assert steps == [("app.py", 7), ("app.py", 7), ("helpers.py", 4)]


def test_recursion_reaches_a_fixpoint(tmp_path: Path) -> None:
    found = run(tmp_path, flask("""
        def a(v, n):
            return v if n == 0 else b(v, n - 1)

        def b(v, n):
            return a(v, n)

        @app.route("/x")
        def x():
            os.system(a(request.args["v"], 3))
    """))
    assert found == [("app.py", 13, "BST251")]


# -- other sink kinds ----------------------------------------------------------------------


def test_trust_boundary_header_and_log(tmp_path: Path) -> None:
    found = run(tmp_path, flask("""
        import logging
        from flask import make_response
        logger = logging.getLogger(__name__)

        @app.route("/x")
        def x():
            v = request.args["v"]
            session["user"] = v
            logger.info("user %s", v)
            resp = make_response("ok")
            resp.headers["X-User"] = v
            resp.headers["X-Safe"] = v.replace("\\r", "").replace("\\n", "")
            return resp
    """))
    assert found == [("app.py", 12, "BST260"), ("app.py", 13, "BST750"), ("app.py", 15, "BST261")]


def test_config_adds_sources_sinks_and_sanitisers(tmp_path: Path) -> None:
    files = {"tool.py": """
        from mylib import payload, run_query, strict

        def main():
            run_query(payload())
            run_query(strict(payload()))
    """}
    found = run(tmp_path, files, sources=("mylib.payload",), sinks={"sql": ("mylib.run_query",)}, sanitizers={"all": ("mylib.strict",)})
    assert found == [("tool.py", 5, "BST550")]


def test_hostile_input_does_not_crash(tmp_path: Path) -> None:
    deep = "x = " + "(" * 150 + "1" + ")" * 150 + "\n"
    many = "".join(f"def f{i}(a):\n    return f{i + 1}(a)\n" for i in range(300))
    assert run(tmp_path, {"deep.py": deep, "chain.py": many}) == []


def test_fixed_origin_prefix_keeps_urls_on_the_host(tmp_path: Path) -> None:
    found = run(tmp_path, flask("""
        import requests

        @app.route("/x")
        def x():
            v = request.args["v"]
            requests.get("https://api.example.com/items/" + v)
            requests.get(f"https://api.example.com/search?q={v}")
            redirect("/profile/" + v)
            requests.get("https://" + v)
            return redirect("//" + v)
    """))
    assert found == [("app.py", 13, "BST254"), ("app.py", 14, "BST255")]


def test_deeply_nested_loops_stay_fast(tmp_path: Path) -> None:
    import time

    body = "import os, sys\nv = sys.argv[1]\n"
    for depth in range(30):
        body += "    " * depth + f"for i{depth} in range(2):\n"
    body += "    " * 30 + "os.system(v)\n"
    started = time.perf_counter()
    assert run(tmp_path, {"loops.py": body}) == [("loops.py", 33, "BST251")]
    assert time.perf_counter() - started < 10


def test_object_attributes_are_tracked_per_field(tmp_path: Path) -> None:
    found = run(tmp_path, flask("""
        class Job:
            def __init__(self, label, command):
                self.label = label
                self.command = command
                self.mode = "gzip"

            def safe(self):
                return subprocess.call(f"tar --{self.mode} -cf out.tar data", shell=True)

            def unsafe(self):
                return subprocess.call(self.command, shell=True)

        @app.post("/x")
        def x():
            job = Job(request.form["label"], request.form["cmd"])
            job.safe()
            job.unsafe()
            return "ok"
    """))
    assert found == [("app.py", 15, "BST251")]


def test_numeric_attributes_of_tainted_objects_are_clean(tmp_path: Path) -> None:
    found = run(tmp_path, flask("""
        @app.get("/ping")
        def ping():
            out = subprocess.run(["ping", "-c", "1", request.args["host"]], capture_output=True)
            if out.returncode:
                return "down: " + str(out.returncode), 502
            return out.stdout
    """))
    assert found == [("app.py", 10, "BST253")]  # the command's output echoes the host; its exit status cannot
