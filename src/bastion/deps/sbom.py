"""`bastion sbom`: a CycloneDX 1.6 JSON bill of materials, with the vulnerabilities found."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from bastion.deps.audit import Result
from bastion.deps.model import Manifest
from bastion.model import Severity

_RATINGS = {
    Severity.CRITICAL: "CRITICAL", Severity.HIGH: "HIGH", Severity.MEDIUM: "MEDIUM", Severity.LOW: "LOW", Severity.INFO: "INFO",
}


def build(results: Sequence[tuple[Manifest, list[Result]]], project_name: str, tool_version: str) -> str:
    from cyclonedx.model import ExternalReference, ExternalReferenceType, XsUri
    from cyclonedx.model.bom import Bom
    from cyclonedx.model.component import Component, ComponentType
    from cyclonedx.model.vulnerability import (
        BomTarget,
        BomTargetVersionRange,
        Vulnerability,
        VulnerabilityAdvisory,
        VulnerabilityRating,
        VulnerabilityReference,
        VulnerabilityScoreSource,
        VulnerabilitySeverity,
        VulnerabilitySource,
    )
    from cyclonedx.output.json import JsonV1Dot6
    from packageurl import PackageURL

    bom = Bom()
    bom.metadata.component = Component(name=project_name, type=ComponentType.APPLICATION, bom_ref=f"project:{project_name}")
    components: dict[tuple[str, str], Component] = {}
    vulnerabilities: dict[str, Vulnerability] = {}
    for _manifest, items in results:
        for result in items:
            dependency = result.dependency
            if dependency.version is None and dependency.reference is None:
                continue  # ranges name no component
            key = (dependency.key, dependency.version or dependency.reference or "")
            component = components.get(key)
            if component is None:
                purl = PackageURL("pypi", name=dependency.key, version=dependency.version) if dependency.version else None
                component = Component(
                    name=dependency.name, version=dependency.version, purl=purl, type=ComponentType.LIBRARY,
                    bom_ref=f"{dependency.key}@{dependency.version or 'ref'}",
                )
                if dependency.reference and dependency.reference.startswith(("http", "git+")):
                    url = dependency.reference.removeprefix("git+")
                    component.external_references.add(ExternalReference(type=ExternalReferenceType.VCS, url=XsUri(url)))
                components[key] = component
                bom.components.add(component)
                bom.register_dependency(bom.metadata.component, [component])
            for found in result.vulnerabilities if result.status == "vulnerable" else ():
                vulnerability = vulnerabilities.get(found.id)
                if vulnerability is None:
                    ratings = []
                    if found.severity is not None:
                        ratings.append(VulnerabilityRating(
                            severity=VulnerabilitySeverity(_RATINGS[found.severity].lower()),
                            score=Decimal(str(found.score)) if found.score is not None else None,
                            method=VulnerabilityScoreSource.get_from_vector(found.vectors[0]) if found.vectors else None,
                            vector=found.vectors[0] if found.vectors else None,
                        ))
                    vulnerability = Vulnerability(
                        bom_ref=found.id, id=found.id, description=found.summary or None, detail=found.details or None,
                        source=VulnerabilitySource(name="OSV", url=XsUri(f"https://osv.dev/vulnerability/{found.id}")),
                        ratings=ratings, recommendation=f"Upgrade to {found.fix} or later" if found.fix else None,
                        advisories=[VulnerabilityAdvisory(url=XsUri(u)) for u in found.references[:5]],
                        references=[
                            VulnerabilityReference(id=other, source=VulnerabilitySource(name=_source_name(other), url=XsUri(_source_url(other))))
                            for other in (*found.ids, *found.aliases) if other != found.id
                        ],
                    )
                    vulnerabilities[found.id] = vulnerability
                    bom.vulnerabilities.add(vulnerability)
                vulnerability.affects.add(BomTarget(ref=component.bom_ref.value, versions=[BomTargetVersionRange(version=dependency.version)]))
    bom.metadata.tools.components.add(Component(name="bastion", version=tool_version, type=ComponentType.APPLICATION))
    return JsonV1Dot6(bom).output_as_string(indent=2)


def _source_name(identifier: str) -> str:
    return {"CVE": "NVD", "GHSA": "GitHub Advisories", "PYSEC": "PyPA Advisory Database"}.get(identifier.split("-", 1)[0], "OSV")


def _source_url(identifier: str) -> str:
    if identifier.startswith("CVE-"):
        return f"https://nvd.nist.gov/vuln/detail/{identifier}"
    if identifier.startswith("GHSA-"):
        return f"https://github.com/advisories/{identifier}"
    return f"https://osv.dev/vulnerability/{identifier}"
