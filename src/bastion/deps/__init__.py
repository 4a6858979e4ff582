"""Dependencies: manifests and lock files audited against OSV advisories; fixes and SBOMs."""
