"""A static view of a Django settings module: its top-level assignments and what kind of settings
file it is (development, production, shared base, or a single settings file), without importing it."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field

from bastion.engine.context import Context

_SETTINGS_STEM = re.compile(r"(?:^|_)settings(?:$|_)")
_CORE_SETTINGS = frozenset({"INSTALLED_APPS", "MIDDLEWARE", "MIDDLEWARE_CLASSES", "ROOT_URLCONF"})
_DJANGO_SETTINGS = _CORE_SETTINGS | {"ALLOWED_HOSTS", "DATABASES", "WSGI_APPLICATION", "ASGI_APPLICATION", "TEMPLATES", "STATIC_URL", "AUTH_PASSWORD_VALIDATORS"}
_DEVELOPMENT = frozenset({"dev", "devel", "develop", "development", "local", "test", "tests", "testing", "ci", "debug", "sandbox", "example", "examples", "sample", "demo", "travis", "docs"})
_PRODUCTION = frozenset({"prod", "production", "live", "deploy", "deployment", "staging", "release"})
_BASE = frozenset({"base", "common", "defaults", "default", "shared", "core", "global"})


@dataclass
class DjangoSettings:
    values: dict[str, ast.expr] = field(default_factory=dict)
    statements: dict[str, ast.stmt] = field(default_factory=dict)
    modified: set[str] = field(default_factory=set)  # changed after assignment (+=, .append, ...)
    star_import: bool = False
    role: str = "single"  # "development", "production", "base" or "single"
    anchor: ast.stmt | None = None
    certain: bool = True  # Django for sure (core settings or django imports), not only a settings-named file

    @property
    def is_development(self) -> bool:
        return self.role == "development"

    @property
    def complete(self) -> bool:
        """Whether every setting should be in this file, so a missing one is really missing."""
        return self.certain and self.role in {"single", "production"} and not self.star_import


def _role(path: str) -> str:
    parts = [p.lower() for p in re.split(r"[\\/]", path)]
    words = set(re.split(r"[_.\-]", parts[-1].removesuffix(".py"))) | set(re.split(r"[_.\-]", parts[-2] if len(parts) > 1 else ""))
    if parts[-1].removesuffix(".py") in {"global_settings", "default_settings", "defaults"}:
        return "defaults"
    if words & _DEVELOPMENT or any(p in {"tests", "test", "testing", "examples", "docs"} for p in parts[:-1]):
        return "development"
    if words & _PRODUCTION:
        return "production"
    if words & _BASE:
        return "base"
    return "single"


def _collect(tree: ast.Module, settings: DjangoSettings) -> bool:
    """Record unconditional top-level assignments; True if the module imports django."""
    imports_django = False
    for statement in tree.body:
        if isinstance(statement, ast.ImportFrom):
            module = statement.module or ""
            if any(alias.name == "*" for alias in statement.names):
                settings.star_import = True
            imports_django |= module.split(".")[0] == "django"
        elif isinstance(statement, ast.Import):
            imports_django |= any(alias.name.split(".")[0] == "django" for alias in statement.names)
        elif isinstance(statement, (ast.Assign, ast.AnnAssign)) and statement.value is not None:
            targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
            for target in targets:
                if isinstance(target, ast.Name) and target.id.isupper():
                    settings.values[target.id] = statement.value
                    settings.statements[target.id] = statement
        elif isinstance(statement, ast.AugAssign) and isinstance(statement.target, ast.Name):
            settings.modified.add(statement.target.id)
        elif isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call):
            func = statement.value.func
            if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
                settings.modified.add(func.value.id)
        elif isinstance(statement, (ast.If, ast.Try, ast.For, ast.With)):
            for node in ast.walk(statement):
                if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
                    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                    settings.modified |= {t.id for t in targets if isinstance(t, ast.Name)}
                elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name):
                    settings.modified.add(node.func.value.id)
    return imports_django


_last: tuple[ast.Module | None, str, DjangoSettings | None] = (None, "", None)


def django_settings(ctx: Context, tree: ast.Module) -> DjangoSettings | None:
    """The settings view of this module, or None if it is not a Django settings module. Every
    settings rule asks about the same tree in a row, so the last answer is kept."""
    global _last
    cached_tree, cached_path, cached = _last
    if cached_tree is tree and cached_path == ctx.path:
        return cached
    result = _read_settings(ctx, tree)
    _last = (tree, ctx.path, result)
    return result


def _read_settings(ctx: Context, tree: ast.Module) -> DjangoSettings | None:
    if ctx.is_test_file:
        return None
    settings = DjangoSettings(role=_role(ctx.path))
    if settings.role == "defaults":
        return None
    path = ctx.path.replace("\\", "/")
    by_path = bool(_SETTINGS_STEM.search(path.rsplit("/", 1)[-1].removesuffix(".py"))) or "/settings/" in f"/{path}"
    if not by_path and not any(name in ctx.source.text for name in ("INSTALLED_APPS", "MIDDLEWARE", "ROOT_URLCONF")):
        return None  # neither named like settings nor assigning a core setting (read below): not settings
    imports_django = _collect(tree, settings)
    names = settings.values.keys()
    core = bool(names & _CORE_SETTINGS)
    settings.certain = core or (by_path and imports_django)
    if not core and not (by_path and (names & (_DJANGO_SETTINGS | {"DEBUG", "SECRET_KEY"}) or settings.star_import or imports_django)):
        return None
    anchor_name = next((n for n in ("MIDDLEWARE", "INSTALLED_APPS", "MIDDLEWARE_CLASSES", "ROOT_URLCONF") if n in settings.statements), None)
    settings.anchor = settings.statements[anchor_name] if anchor_name else (tree.body[0] if tree.body else None)
    return settings
