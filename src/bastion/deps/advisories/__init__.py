"""Who knows about vulnerabilities: the local OSV database and the online services, behind one Protocol.

Every service answers the same question: for these (canonical name, exact version) pairs, which
advisories apply? Each `Advisory` carries the fixed versions its record names for that package.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from bastion.deps.model import Advisory

Package = tuple[str, str]  # (canonical name, version)


class AdvisoryService(Protocol):
    name: str

    def lookup(self, packages: Sequence[Package]) -> dict[Package, list[Advisory]]: ...


class ServiceError(Exception):
    """An online service failed (network, protocol); reported as a diagnostic or a usage error."""
