"""Targeted Pythons and marker applicability."""

from __future__ import annotations

from bastion.deps.targets import marker_applies, minors_admitted, project_targets


def test_minors_admitted_by_requires_python():
    assert minors_admitted(">=3.10") == ("3.10", "3.11", "3.12", "3.13", "3.14")
    assert minors_admitted(">=3.8.1,<3.10") == ("3.8", "3.9")
    assert minors_admitted("==3.9.*") == ("3.9",)
    assert minors_admitted(">=2.7, !=3.0.*, !=3.1.*, <3.7") == ("2.7", "3.6")
    assert minors_admitted("garbage") == ()
    assert minors_admitted(None) == ()


def test_project_targets_intersect_manifests_when_the_interpreter_check_has_no_answer(tmp_path):
    assert project_targets(tmp_path, [">=3.9", "==3.11.*", None]) == ("3.11",)
    assert project_targets(tmp_path, [None]) == ()


def test_project_targets_come_from_the_interpreter_check_when_it_knows(tmp_path):
    (tmp_path / ".python-version").write_text("3.9.18\n")
    assert project_targets(tmp_path, [">=3.11"]) == ("3.9",)


def test_marker_applies():
    modern = ("3.11", "3.12")
    assert marker_applies('python_version < "3.0"', modern) is False
    assert marker_applies('python_version >= "3.8"', modern) is True
    assert marker_applies('python_full_version < "3.11.4"', ("3.11",)) is True  # an early 3.11 patch
    assert marker_applies("sys_platform == 'win32'", modern) is True  # the platform is not known
    assert marker_applies('extra == "socks"', modern) is True  # nor are the extras wanted
    assert marker_applies('python_version < "3.0" and extra == "socks"', modern) is False
    assert marker_applies('python_version < "3.0"', ()) is True  # no targets: nothing is excluded
    assert marker_applies("not a marker ((", modern) is True
