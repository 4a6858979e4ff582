"""How the single walk hands nodes to rules: by node type, callee name, spelling, keyword, and the
file-text prefilter (`requires`)."""

from __future__ import annotations

import ast

from bastion.engine.context import Context, Dispatch, applicable
from bastion.rules import registry
from bastion.rules.registry import Rule
from bastion.source import from_bytes


def _rule(code: str, seen: list[str], **narrowing) -> Rule:
    def check(node: ast.AST, ctx: Context) -> None:
        seen.append(f"{code}:{ctx.source.segment(node)}")

    return Rule(registry.info("BST201"), narrowing.pop("nodes", (ast.Call,)), check, **narrowing)


def _run(text: str, rules: list[Rule]) -> None:
    Context(from_bytes(text.encode(), "example.py"), "example").run(rules)


def test_keyword_narrowing_sees_only_calls_passing_that_keyword() -> None:
    seen: list[str] = []
    _run("run(cmd, shell=True)\nrun(cmd)\nrun(**options)\n", [_rule("K", seen, keywords=frozenset({"shell"}))])
    assert seen == ["K:run(cmd, shell=True)"]


def test_requires_runs_a_rule_only_on_files_whose_text_can_hold_a_finding() -> None:
    seen: list[str] = []
    grant = _rule("G", seen, nodes=(ast.Constant,), requires=("grant",))
    everywhere = _rule("E", seen, nodes=(ast.Constant,))
    _run('x = "select 1"\n', [grant, everywhere])
    assert seen == ['E:"select 1"']
    seen.clear()
    _run('x = "GRANT ALL ON t TO app"\n', [grant, everywhere])  # case-insensitive
    assert sorted(seen) == ['E:"GRANT ALL ON t TO app"', 'G:"GRANT ALL ON t TO app"']


def test_applicable_keeps_rules_without_prefilter_and_dispatch_is_shared() -> None:
    seen: list[str] = []
    plain, narrowed = _rule("P", seen), _rule("N", seen, requires=("never-present",))
    assert applicable([plain, narrowed], "import os") == [plain]
    assert applicable([plain, narrowed], "NEVER-PRESENT") == [plain, narrowed]
    assert Dispatch.for_rules([plain]) is Dispatch.for_rules([plain])


def test_every_requires_hint_is_lower_case_and_every_keyword_rule_sees_calls() -> None:
    for entry in registry.all_rules():
        assert all(hint == hint.lower() and hint for hint in entry.requires), entry.info.code
        if entry.keywords:
            assert ast.Call in entry.nodes, entry.info.code


def test_names_reach_the_rules_that_asked_for_them_wherever_they_sit() -> None:
    text = "import ssl\nctx.verify_mode = CERT_NONE\nf(CERT_NONE, [CERT_NONE], x=CERT_NONE)\ny = other\n"
    seen: list[str] = []
    _run(text, [_rule("S", seen, nodes=(ast.Name, ast.Attribute), attrs=frozenset({"CERT_NONE"}))])
    assert seen == ["S:CERT_NONE"] * 4  # the walk passes over other names, never over these
    seen.clear()
    _run(text, [_rule("A", seen, nodes=(ast.Name,))])  # a rule on every name sees every name
    assert seen == ["A:ctx", "A:CERT_NONE", "A:f", "A:CERT_NONE", "A:CERT_NONE", "A:CERT_NONE", "A:y", "A:other"]


def test_module_patterns_match_every_name_below_the_module() -> None:
    seen: list[str] = []
    text = "import pysnmp.hlapi as h\nh.CommunityData('public')\nimport pysnmpx\npysnmpx.CommunityData('x')\n"
    _run(text, [_rule("P", seen, calls=frozenset({"pysnmp.*"}))])
    assert seen == ["P:h.CommunityData('public')"]
