"""Every reader on arbitrary text: it returns targets or raises SourceError, nothing else."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bastion.interpreter.files import COMPOSE_NAMES
from bastion.interpreter.model import SourceError
from bastion.interpreter.targets import BY_NAME, reader_for

READERS = sorted({*BY_NAME, "Dockerfile", COMPOSE_NAMES[0], ".github/workflows/ci.yml"})
# Text made of the characters these formats care about, so that the readers get past their parsers.
CHARACTERS = "abpy3.1089 -_:=[]{},\"'\n\t#$@/\\|>*&!"
WORDS = ["FROM ", "python", "image", "jobs", "matrix", "envlist", "${{ matrix.p }}"]
ALPHABET = st.sampled_from([*CHARACTERS, *WORDS])


@pytest.mark.parametrize("name", READERS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.lists(ALPHABET, max_size=80).map("".join))
def test_readers_never_fail_unexpectedly(name: str, text: str) -> None:
    reader = reader_for(f"/project/{name}")
    assert reader is not None
    try:
        targets = list(reader(name, text))
    except SourceError:
        return
    for target in targets:
        assert target.line >= 1 and target.column >= 0
