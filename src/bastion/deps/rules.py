"""The dependency rules (BST601-605), reported by the dependency audit rather than a node check."""

from __future__ import annotations

from bastion.rules.registry import declare

VULNERABLE_DEPENDENCY = declare(
    "BST601",
    "vulnerable-dependency",
    summary="A pinned, locked or installed dependency has known vulnerabilities",
    severity="high",
    confidence="high",
    cwe=1395,
    owasp="A06",
    fixable=True,
    doc="""
    ## What it does
    Looks up every exactly pinned (`==`), locked or installed dependency in the OSV advisory database
    (the PyPA advisory database) and reports the advisories affecting that exact version: their ids
    and aliases merged (one flaw published as PYSEC, GHSA and CVE is reported once), a summary, the
    severity computed from the CVSS vector, and the smallest release that fixes them all. A finding's
    severity is the worst advisory's. When the dependency's environment marker excludes every Python
    the project targets, the advisories cannot apply and the finding is reported at `info` level.

    ## Why is this bad?
    A known vulnerability in a dependency is as exploitable as one in your own code, and it is the
    first thing an attacker checks: the advisory tells them what to send. Most breaches through
    components use flaws whose fixes had long been released.

    ## Example
    ```text
    # requirements.txt
    django==3.2.0
    ```

    ## Use instead
    ```text
    # requirements.txt
    django==3.2.25
    ```
    `bastion deps --fix` rewrites pins in requirements files and pyproject.toml to the smallest safe
    version; for lock files it prints the update command (`uv lock --upgrade-package django`, ...).

    ## References
    - https://owasp.org/Top10/A06_2021-Vulnerable_and_Outdated_Components/
    - https://cwe.mitre.org/data/definitions/1395.html
    - https://ossf.github.io/osv-schema/
    - https://github.com/pypa/advisory-database

    ## Known limitations
    The audit is only as current as the local database (`bastion db status`). Versions installed from
    URLs, VCS checkouts or local paths cannot be audited (BST604).
    """,
)

VULNERABLE_RANGE = declare(
    "BST602",
    "vulnerable-version-range",
    summary="A version range admits releases with known vulnerabilities",
    severity="medium",
    confidence="low",
    cwe=1395,
    owasp="A06",
    doc="""
    ## What it does
    For a dependency declared with a range (`>=2.0`, `~=1.4`, Poetry's `^1.2`), checks whether the
    range admits any release affected by an advisory, and suggests the lowest floor (`>=X`) that
    excludes every one of them. Confidence is low: the version actually installed may well be a safe
    one; a lock file or pins tell for sure (and are audited under BST601).

    ## Why is this bad?
    A range that admits vulnerable releases lets a resolver, an old cache or a constrained
    environment install one of them. Raising the floor past the fixes makes that impossible.

    ## Example
    ```toml
    [project]
    dependencies = ["requests>=2.0"]
    ```

    ## Use instead
    ```toml
    [project]
    dependencies = ["requests>=2.32.4"]
    ```

    ## References
    - https://owasp.org/Top10/A06_2021-Vulnerable_and_Outdated_Components/
    - https://packaging.python.org/en/latest/specifications/version-specifiers/

    ## Known limitations
    Only the local advisory database can answer for ranges (the online services take exact
    versions). Releases a record's range covers but its version list omits are tested at the range's
    own bounds and the specifier's versions.
    """,
)

UNPINNED_DEPENDENCY = declare(
    "BST603",
    "unpinned-dependency",
    summary="An application's requirement is not pinned to an exact version",
    severity="info",
    confidence="medium",
    cwe=1357,
    owasp="A08",
    doc="""
    ## What it does
    Reports requirements in an application's requirements file (`requirements*.txt`, or a Pipfile
    with no Pipfile.lock) that are not pinned with `==` when no lock file sits beside them. Library
    metadata (`pyproject.toml` dependencies) and `*.in` inputs to pip-compile are meant to hold
    ranges and are not reported.

    ## Why is this bad?
    An unpinned application installs whatever is newest at deploy time: builds are not reproducible,
    a compromised or broken release is picked up silently, and an audit cannot say what runs.

    ## Example
    ```text
    flask>=2
    ```

    ## Use instead
    ```text
    flask==3.1.1
    ```
    or keep ranges in `requirements.in` and compile pins with hashes (`pip-compile
    --generate-hashes`, `uv pip compile`).

    ## References
    - https://pip.pypa.io/en/stable/topics/repeatable-installs/
    - https://cwe.mitre.org/data/definitions/1357.html
    """,
)

UNAUDITABLE_DEPENDENCY = declare(
    "BST604",
    "unauditable-dependency",
    summary="A dependency comes from a URL, VCS checkout or local path and cannot be audited",
    severity="info",
    confidence="high",
    cwe=1357,
    owasp="A08",
    doc="""
    ## What it does
    Reports dependencies installed from a direct URL, a VCS reference (`git+https://...`) or a local
    path (including editable installs), whose content no advisory database can describe.

    ## Why is this bad?
    Nothing tells you whether that code has known vulnerabilities, and a branch reference can change
    under you between two installs. Such dependencies need their own review and updating.

    ## Example
    ```text
    -e git+https://github.com/example/lib.git@main#egg=lib
    ```

    ## Use instead
    ```text
    lib==1.4.2
    ```
    or pin the VCS reference to a full commit hash and track its upstream advisories yourself.

    ## References
    - https://pip.pypa.io/en/stable/topics/vcs-support/
    - https://cwe.mitre.org/data/definitions/1357.html
    """,
)

OUTDATED_DEPENDENCY = declare(
    "BST605",
    "outdated-dependency",
    summary="A pinned dependency is behind its latest release (online check)",
    severity="info",
    confidence="high",
    cwe=1104,
    owasp="A06",
    doc="""
    ## What it does
    With `bastion deps --outdated` (online only), asks the PyPI JSON API for each pinned dependency's
    latest release and reports pins behind it.

    ## Why is this bad?
    The further a pin falls behind, the larger and riskier the upgrade when a security fix finally
    forces it, and the more likely that only the newest line receives fixes at all.

    ## Example
    ```text
    requests==2.20.0
    ```

    ## Use instead
    ```text
    requests==2.32.4
    ```

    ## References
    - https://cwe.mitre.org/data/definitions/1104.html
    - https://docs.pypi.org/api/json/
    """,
)
