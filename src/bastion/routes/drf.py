"""Django REST framework: ViewSets behind routers (with `@action`), `APIView` classes, `@api_view`
functions; permission classes, with `DEFAULT_PERMISSION_CLASSES` and DRF's `AllowAny` fallback."""

from __future__ import annotations

from bastion.routes import guards
from bastion.routes.index import Index
from bastion.routes.model import Guard
from bastion.routes.syntax import last

ACTIONS = {  # action -> (method, detail)
    "list": ("GET", False), "create": ("POST", False), "retrieve": ("GET", True),
    "update": ("PUT", True), "partial_update": ("PATCH", True), "destroy": ("DELETE", True),
}
_BASE_ACTIONS = {
    "ModelViewSet": tuple(ACTIONS), "ReadOnlyModelViewSet": ("list", "retrieve"),
    "ListModelMixin": ("list",), "CreateModelMixin": ("create",), "RetrieveModelMixin": ("retrieve",),
    "UpdateModelMixin": ("update", "partial_update"), "DestroyModelMixin": ("destroy",),
}
_GENERIC_METHODS = {
    "ListAPIView": ("GET",), "CreateAPIView": ("POST",), "RetrieveAPIView": ("GET",), "DestroyAPIView": ("DELETE",),
    "UpdateAPIView": ("PUT", "PATCH"), "ListCreateAPIView": ("GET", "POST"),
    "RetrieveUpdateAPIView": ("GET", "PUT", "PATCH"), "RetrieveDestroyAPIView": ("GET", "DELETE"),
    "RetrieveUpdateDestroyAPIView": ("GET", "PUT", "PATCH", "DELETE"),
}
VERBS = ("get", "post", "put", "patch", "delete")


def is_drf_class(name: str, index: Index) -> bool:
    return any(a.startswith("rest_framework") for a in index.ancestors(name))


def is_viewset(name: str, index: Index) -> bool:
    return any(a.startswith("rest_framework") and "ViewSet" in last(a) for a in index.ancestors(name))


def default_guards(index: Index) -> tuple[list[Guard], bool]:
    """The guards of `DEFAULT_PERMISSION_CLASSES`, and whether that default is permissive."""
    settings = index.settings.get("REST_FRAMEWORK")
    classes = None
    if isinstance(settings, dict) and last(settings.get("call")) == "dict":  # REST_FRAMEWORK = dict(...)
        settings = settings.get("kwargs", {})
    if isinstance(settings, dict) and "call" not in settings:
        classes = settings.get("DEFAULT_PERMISSION_CLASSES")
    if not isinstance(classes, list) or not classes:
        return [], True
    found = [g for g in (_class_from_setting(c, index) for c in classes) if g]
    return found, all(g.kind == "public" for g in found) or not found


def _class_from_setting(value: object, index: Index) -> Guard | None:
    if isinstance(value, str):
        return guards.permission_class({"ref": value}, index)
    return guards.permission_class(value, index)


def class_guards(name: str, index: Index, extra: object = None) -> tuple[list[Guard], bool]:
    """Guards of a DRF view class (or an action's own `permission_classes`); True if it falls
    back to a permissive default."""
    declared = extra if extra is not None else index.class_attr(name, "permission_classes")
    if isinstance(declared, list):
        return [g for g in (guards.permission_class(c, index) for c in declared) if g], False
    dynamic = index.class_method(name, "get_permissions") if extra is None and name else None
    if dynamic:  # permissions chosen per action: report the strongest it can require
        chosen = [guards.permission_class({"ref": _class_ref(dynamic[0], c, index)}, index)
                  for c in dynamic[2].get("vocabulary", {}).get("classes", [])]
        chosen = [g for g in chosen if g]
        strongest = guards.strongest([g for g in chosen if g.kind != "public"]) or guards.strongest(chosen)
        if strongest:
            from dataclasses import replace

            return [replace(strongest, name=f"get_permissions ({strongest.name})")], False
    default, permissive = default_guards(index)
    return default, permissive


def viewset_actions(name: str, index: Index) -> list[dict]:
    """[{action, method(s), detail, url_path, function facts, permission_classes}] of a ViewSet."""
    actions: dict[str, dict] = {}
    for ancestor in reversed(index.ancestors(name)):
        for action in _BASE_ACTIONS.get(last(ancestor), ()) if ancestor not in index.classes else ():
            method, detail = ACTIONS[action]
            actions[action] = {"action": action, "methods": [method], "detail": detail, "url_path": None, "function": None}
        found = index.classes.get(ancestor)
        if not found:
            continue
        for method_name in found[1]["methods"]:
            function = index.functions.get(f"{ancestor}.{method_name}", (None, None))[1]
            if function is None:
                continue
            if method_name in ACTIONS:
                method, detail = ACTIONS[method_name]
                actions[method_name] = {"action": method_name, "methods": [method], "detail": detail, "url_path": None,
                                        "function": function, "line": function["line"]}
                continue
            for spec in function["decorators"]:
                if last(spec["name"]) == "action" and spec["call"]:
                    kwargs = spec.get("kwargs", {})
                    methods = kwargs.get("methods") or ["get"]
                    methods = [m.upper() for m in methods if isinstance(m, str)] if isinstance(methods, list) else ["GET"]
                    url_path = kwargs.get("url_path") if isinstance(kwargs.get("url_path"), str) else method_name
                    actions[method_name] = {"action": method_name, "methods": methods, "detail": kwargs.get("detail") is True,
                                            "url_path": url_path, "function": function, "line": function["line"],
                                            "permission_classes": kwargs.get("permission_classes")}
    return list(actions.values())


def view_methods(name: str, index: Index) -> list[str]:
    methods: set[str] = set()
    for ancestor in index.ancestors(name):
        found = index.classes.get(ancestor)
        if found:
            methods |= {m.upper() for m in found[1]["methods"] if m in VERBS}
        else:
            methods |= set(_GENERIC_METHODS.get(last(ancestor), ()))
    return sorted(methods) or ["GET"]


def _class_ref(owner: str, name: str, index: Index) -> str:
    """A name used inside a class's method, resolved through its module's imports."""
    module = owner
    while module and module not in index.imports:
        module = module.rpartition(".")[0]
    target = index.imports.get(module, {}).get(name)
    return target or f"{module}.{name}"
