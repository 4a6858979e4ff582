"""The mechanical fixes of rule pack A produce valid code that the rule no longer reports."""

from __future__ import annotations

import ast

import pytest

from bastion.config import Config
from bastion.engine.runner import check_text
from bastion.fix.apply import apply_edits

CASES = {
    "BST211": ("import torch\nstate = torch.load(path)\n", "torch.load(path, weights_only=True)"),
    "BST212": ("import numpy as np\ndata = np.load(path, allow_pickle=True)\n", "np.load(path, allow_pickle=False)"),
    "BST215": (
        "import xml.etree.ElementTree as ET\n\ntree = ET.fromstring(body)\n",
        "import defusedxml.ElementTree\nimport xml.etree.ElementTree as ET\n\ntree = defusedxml.ElementTree.fromstring(body)",
    ),
    "BST218": ("from jinja2 import Environment\nenv = Environment(autoescape=False)\n", "Environment(autoescape=True)"),
    "BST222": (
        "import tarfile\nwith tarfile.open(upload) as archive:\n    archive.extractall(destination)\n",
        'archive.extractall(destination, filter="data")',
    ),
    "BST233": (
        "def check(request, expected_signature):\n    return request.headers['X-Sig'] != expected_signature\n",
        "return not hmac.compare_digest(request.headers['X-Sig'], expected_signature)",
    ),
    "BST235": ("import requests\nr = requests.get(url)\n", "requests.get(url, timeout=30)"),
}


@pytest.mark.parametrize("code", sorted(CASES))
def test_fix_is_valid_and_resolves_the_finding(code: str) -> None:
    before, expected_text = CASES[code]
    config = Config(select=(code,))
    findings = [f for f in check_text(before, path="app/module.py", config=config) if f.code == code]
    assert findings and findings[0].fix is not None
    after = apply_edits(before, list(findings[0].fix.edits))
    ast.parse(after)
    assert expected_text in after
    assert not [f for f in check_text(after, path="app/module.py", config=config) if f.code == code]
