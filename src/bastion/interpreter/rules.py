"""The interpreter rules (BST101-106), reported by the interpreter check rather than a node check."""

from __future__ import annotations

from bastion.rules.registry import declare

END_OF_LIFE_RUNTIME = declare(
    "BST101",
    "end-of-life-python",
    summary="The project runs or deploys on a Python version past its end of life",
    severity="high",
    confidence="high",
    cwe=1104,
    owasp="A06",
    doc="""
    ## What it does
    Finds the Python a project runs on (`.python-version`, `runtime.txt`, `.tool-versions`, Pipfile's
    `python_version`, `FROM python:…` in Dockerfiles, `image:` in Compose files, and with
    `bastion interpreter --env` or `--python PATH` a live interpreter) and reports versions whose
    CPython branch has reached its end of life, with the date it did. A Docker tag such as
    `python:3.8-slim` stays on the end-of-life branch for good: the image is no longer rebuilt.

    ## Why is this bad?
    After its end of life a CPython branch gets no fixes at all, security fixes included. Every
    vulnerability found since then (in `tarfile`, `email`, `urllib.parse`, `ssl`, the bundled
    libexpat and zlib, ...) stays open in production, and the Docker image's operating system
    packages stop being updated too.

    ## Example
    ```dockerfile
    FROM python:3.8-slim
    ```

    ## Use instead
    ```dockerfile
    FROM python:3.13-slim
    ```
    and keep the version in one place (`.python-version`, a build `ARG`) so that upgrades are one edit.

    ## References
    - https://devguide.python.org/versions/
    - https://peps.python.org/pep-0602/
    - https://owasp.org/Top10/A06_2021-Vulnerable_and_Outdated_Components/
    - https://cwe.mitre.org/data/definitions/1104.html

    ## Known limitations
    End-of-life dates come from the release table bundled with Bastion (`bastion interpreter --table`
    shows its date); month-only dates count from the end of that month. PyPy and other
    implementations have their own schedules and are not judged.
    """,
)

END_OF_LIFE_SUPPORTED = declare(
    "BST102",
    "end-of-life-python-supported",
    summary="The project declares or tests support for a Python version past its end of life",
    severity="low",
    confidence="high",
    cwe=1104,
    owasp="A06",
    doc="""
    ## What it does
    Reports end-of-life Python versions in trove classifiers (`Programming Language :: Python ::
    3.8`), CI matrices (GitHub Actions `python-version`, job containers, GitLab CI `image:` with
    `parallel: matrix`) and tox or nox environments.

    ## Why is this bad?
    Supporting an end-of-life Python keeps users on it, ties the code to old library versions
    (which themselves stop receiving fixes), and spends CI time on a platform nobody should deploy.
    It is a maintenance decision rather than a vulnerability, hence the low severity.

    ## Example
    ```yaml
    strategy:
      matrix:
        python-version: ["3.8", "3.12"]
    ```

    ## Use instead
    ```yaml
    strategy:
      matrix:
        python-version: ["3.12", "3.13"]
    ```
    and raise `requires-python` with it.

    ## References
    - https://devguide.python.org/versions/
    - https://scientific-python.org/specs/spec-0000/
    - https://cwe.mitre.org/data/definitions/1104.html
    """,
)

END_OF_LIFE_SOON = declare(
    "BST103",
    "python-end-of-life-soon",
    summary="A targeted Python version reaches its end of life within the warning period",
    severity="low",
    confidence="high",
    cwe=1104,
    owasp="A06",
    doc="""
    ## What it does
    Reports Python versions the project runs on, tests or declares whose end of life falls within
    the warning period: six months by default, `eol-warning-months` in `[tool.bastion.interpreter]`.

    ## Why is this bad?
    Upgrading an interpreter takes planning: dependencies, base images, CI and deployment targets
    move together. Starting before the deadline avoids running unpatched afterwards.

    ## Example
    ```text
    # .python-version, with end of life in four months
    3.10
    ```

    ## Use instead
    ```text
    3.13
    ```

    ## References
    - https://devguide.python.org/versions/
    - https://cwe.mitre.org/data/definitions/1104.html
    """,
)

VULNERABLE_PATCH_LEVEL = declare(
    "BST104",
    "python-patch-vulnerable",
    summary="A pinned Python patch release has known CVEs fixed in later patch releases",
    severity="high",
    confidence="high",
    cwe=1395,
    owasp="A06",
    doc="""
    ## What it does
    For an exact Python release the project runs on (`.python-version` `3.11.7`, `runtime.txt`
    `python-3.11.7`, `FROM python:3.11.7-slim`, a live interpreter checked with `--env` or
    `--python`), lists the CPython security advisories (CVE ids) fixed in later patch releases of
    the same branch, each with the release that fixes it, and the release to upgrade to.

    ## Why is this bad?
    Patch releases of a branch are compatible by design, and security fixes are only shipped in
    them. Staying on an old patch level keeps published, fixed vulnerabilities (tarfile extraction
    outside the destination directory, header injection in `email`, quadratic-time parsers usable
    for denial of service, ...) exploitable.

    ## Example
    ```dockerfile
    FROM python:3.11.7-slim-bookworm
    ```

    ## Use instead
    ```dockerfile
    FROM python:3.11-slim-bookworm
    ```
    (the tag follows the branch's patch releases) or pin the latest patch release and update it
    regularly, with a digest for reproducibility.

    ## References
    - https://www.python.org/downloads/
    - https://github.com/python/cpython/security/advisories
    - https://cwe.mitre.org/data/definitions/1395.html

    ## Known limitations
    The advisories come from the release table bundled with Bastion, complete up to its date; newer
    advisories appear once the table is refreshed (`bastion db update`). Distributions backport
    fixes into older version numbers (Debian's Python 3.11.2 is patched): interpreters under
    `/usr` are reported at medium confidence for that reason. Advisories for one platform are left
    out where the platform is known to be another (Linux images, Lambda) and labelled otherwise; one
    concerns only builds that bundle libexpat.
    """,
)

REQUIRES_PYTHON_ADMITS_EOL = declare(
    "BST105",
    "requires-python-admits-eol",
    summary="requires-python admits Python versions past their end of life",
    severity="low",
    confidence="high",
    cwe=1104,
    owasp="A06",
    doc="""
    ## What it does
    Evaluates `requires-python` (PEP 621), `python_requires` (setup.cfg, setup.py) and Poetry's
    `python` constraint with PEP 440 semantics and reports the end-of-life minor versions it admits:
    `>=3.8` admits 3.8 and 3.9, among others.

    ## Why is this bad?
    Installers will happily install the project on those versions, so users on an unmaintained
    interpreter get no signal to move. Resolvers also pick dependency versions compatible with the
    oldest admitted Python, which can hold back dependencies (and their security fixes).

    ## Example
    ```toml
    [project]
    requires-python = ">=3.8"
    ```

    ## Use instead
    ```toml
    [project]
    requires-python = ">=3.11"
    ```

    ## References
    - https://packaging.python.org/en/latest/specifications/core-metadata/#requires-python
    - https://packaging.python.org/en/latest/specifications/version-specifiers/
    - https://devguide.python.org/versions/
    """,
)

FLOATING_IMAGE_TAG = declare(
    "BST106",
    "floating-python-image",
    summary="A Python container image tag names no version, so each build may get another minor release",
    severity="low",
    confidence="high",
    cwe=1357,
    owasp="A08",
    doc="""
    ## What it does
    Reports `FROM python`, `python:latest` and version-less variants (`python:slim`,
    `python:alpine`, `python:bookworm`) in Dockerfiles and Compose files. Tags that name a
    version (`python:3`, `python:3.12-slim`) and digest-pinned references are not reported; tags of
    end-of-life branches are reported under BST101.

    ## Why is this bad?
    A tag without a version moves to each new minor release: a rebuild silently changes the
    interpreter, with its removed modules and behaviour changes, and what runs in production can no
    longer be told from the repository. Supply-chain reviews and rollbacks need to know the version.

    ## Example
    ```dockerfile
    FROM python:slim
    ```

    ## Use instead
    ```dockerfile
    FROM python:3.13-slim
    ```

    ## References
    - https://hub.docker.com/_/python
    - https://docs.docker.com/build/building/best-practices/#pin-base-image-versions
    - https://cwe.mitre.org/data/definitions/1357.html
    """,
)

CODES = ("BST101", "BST102", "BST103", "BST104", "BST105", "BST106")
