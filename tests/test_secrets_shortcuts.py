"""The secrets scanner's shortcuts find exactly what the plain way finds: token runs through a byte
map and `bytes.find` (not a regular expression), keywords through one prefix-factored alternation,
names in text lower-cased only where ASCII (offsets stay the text's), ` -u ` and `--user` through
one search for `-u`."""

from __future__ import annotations

import random
import re

from bastion.secrets.detectors import (
    ANCHORS,
    CREDENTIAL_URL,
    DETECTORS,
    MIN_TOKEN_RUN,
    NAMED_DETECTORS,
    PRIVATE_KEY,
    TOKEN_ANCHOR,
    TOKEN_CHARACTERS,
    literal_alternation,
)
from bastion.secrets.scanner import _candidate_lines, _lowered, _Text, _token_runs, scan_text

rng = random.Random(11)
PLAIN_RUN = re.compile(f"[{re.escape(TOKEN_CHARACTERS)}]{{{MIN_TOKEN_RUN},}}")
KEYWORDS = [keyword for detector in DETECTORS if not detector.anchor for keyword in detector.keywords]
PIECES = [
    *KEYWORDS, "a" * 19, "B" * 20, "x_y.z", "0123456789", "+/=:%~-", " ", "\n", "\r\n", '"', "é", "€",
    "\u00a0", "\u2028", "\udc80", "\x00", "İ", "\u212a", "K", "Key", "PASSWORD", "-u", " -u ", "--user",
]


def random_text(pieces: int) -> str:
    return "".join(rng.choice(PIECES) for _ in range(pieces))


EDGES = ["", "a" * 19, "a" * 20, "a" * 20 + " ", " " + "a" * 20, "é" + "a" * 25 + "€" + "b" * 19 + "\udc80" + "c" * 21]


def test_token_runs_are_the_maximal_runs_of_token_characters() -> None:
    for text in [*EDGES, *(random_text(rng.randrange(1, 120)) for _ in range(400))]:
        assert list(_token_runs(text)) == [match.span() for match in PLAIN_RUN.finditer(text)], text


def test_keyword_alternation_finds_exactly_the_keywords() -> None:
    plain = re.compile("|".join(map(re.escape, KEYWORDS)))
    for text in (random_text(rng.randrange(1, 8)) for _ in range(2000)):
        mangled = "".join(ch for ch in text if rng.random() > 0.1)  # broken keywords too
        for sample in (text, mangled):
            assert (TOKEN_ANCHOR.search(sample) is None) == (plain.search(sample) is None), sample


def test_literal_alternation_factors_prefixes_and_keeps_shorter_words() -> None:
    assert literal_alternation(["AKIA", "ASIA", "ab", "abc"]) == "(?:A(?:KIA|SIA)|ab)"
    assert re.search(literal_alternation(["x.y"]), "xzy") is None  # escaped
    assert re.search(literal_alternation([]), "anything") is None


def test_lowered_text_is_the_text_with_ascii_letters_lower_cased() -> None:
    for text in ["Password = 'X'", "Pässwörd\u00a0= 'x' ÄÖÜ", "ΣΊΣΥΦΟΣ TOKEN", "\udc80Key=1", "İ\u212aEY", *(random_text(40) for _ in range(300))]:
        lowered = _lowered(text)
        assert len(lowered) == len(text)
        assert all(low == (ch.lower() if ch.isascii() else ch) for low, ch in zip(lowered, text, strict=True))


def test_a_letter_whose_lower_case_is_longer_neither_shifts_nor_hangs_the_name_search() -> None:
    # `"İ".lower()` is two characters: offsets in a `str.lower()` copy drifted from the text's, so
    # lines were misplaced and the search could find the same word again and again.
    text = "İ" * 40 + "\nx = 1\ndb_password = 'Orchid#42maple'  # İ\n"
    [hit] = scan_text(text, "python")
    assert (hit.line, hit.column, hit.value) == (3, 15, "Orchid#42maple")


def test_candidate_lines_include_pwd_names_and_command_line_credentials() -> None:
    text = (
        "a = 1\n"
        "DB_PWD = 'x1y2z3'\n"
        "curl -u admin:hunter2 https://example.org\n"
        "wget --user bob https://example.org\n"
        "-u at the start of a line, no space before it\n"
        "ls -ux\n"
    )
    found = [text[start:end] for start, end in _candidate_lines(_Text(text), "shell")]
    assert found == [
        "DB_PWD = 'x1y2z3'",
        "curl -u admin:hunter2 https://example.org",
        "wget --user bob https://example.org",
    ]


def test_every_detector_pattern_compiles_and_names_its_secret() -> None:
    """Detector patterns are compiled when first used; a broken one must still fail here."""
    for detector in (*DETECTORS, PRIVATE_KEY, CREDENTIAL_URL):
        assert "secret" in detector.pattern.compiled().groupindex, detector.kind
    for detector in DETECTORS:
        ANCHORS[detector].compiled()
    for named in NAMED_DETECTORS:
        named.value.compiled()


def test_dockerfile_name_follow_matches_where_the_backtracking_pattern_did_and_stays_linear() -> None:
    from bastion.secrets.context import FOLLOW_DOCKER

    backtracking = re.compile(r"[a-z0-9_.-]*[\"'\]]{0,2}\s*(?::=|==|=>|=|:|\s+\S)")
    alphabet = ["a", "_", ".", "-", "'", '"', "]", " ", "\t", "\n", "\u00a0", ":", "=", ">", "x", "#"]
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 8)))
        for position in range(len(text) + 1):
            assert (FOLLOW_DOCKER.match(text, position) is None) == (backtracking.match(text, position) is None), text
    assert scan_text("password" + " " * 200_000, "dockerfile") == []  # was minutes: quadratic in the spaces
