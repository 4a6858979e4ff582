"""Django (and DRF views reached from `urls.py`): `path`/`re_path`/`url` and `include()` trees
across apps, function views, class-based views via `as_view()`, DRF routers and ViewSets."""

from __future__ import annotations

from dataclasses import replace

from bastion.routes import drf, guards
from bastion.routes.index import Index
from bastion.routes.model import Endpoint, Guard, Handler
from bastion.routes.syntax import last
from bastion.routes.tree import join

_METHOD_DECORATORS = {"require_POST": ["POST"], "require_GET": ["GET"], "require_safe": ["GET", "HEAD"]}
_GENERIC = {"ListView": ("GET",), "DetailView": ("GET",), "TemplateView": ("GET",), "ArchiveIndexView": ("GET",),
            "CreateView": ("GET", "POST"), "UpdateView": ("GET", "POST"), "FormView": ("GET", "POST"),
            "DeleteView": ("GET", "POST"), "RedirectView": ("GET",), "LoginView": ("GET", "POST"),
            "LogoutView": ("POST",), "PasswordChangeView": ("GET", "POST")}


def _route(pattern: object, regex: bool) -> str:
    if not isinstance(pattern, str):
        return ""
    return pattern.lstrip("^").rstrip("$") if regex else pattern


def endpoints(index: Index) -> list[Endpoint]:
    if not index.urlconfs:
        return []
    root = index.settings.get("ROOT_URLCONF")
    included = {m for _, (_, patterns) in index.urlconfs.items() for m in _includes(patterns, index)}
    roots = [root] if isinstance(root, str) and root in index.urlconfs else [m for m in index.urlconfs if m not in included]
    middleware = index.settings.get("MIDDLEWARE")
    walker = _Walker(index, _middleware_guards(middleware, index))
    for module in sorted(roots):
        walker.urlconf(module, "", [], 0)
    return [replace(e, guards=tuple(g for g in e.guards if g.applies_to(e.path, e.handler.qualname))) for e in walker.result]


def _middleware_guards(middleware: object, index: Index) -> list[Guard]:
    """`LoginRequiredMiddleware`, and project middleware whose request hook refuses callers."""
    found: list[Guard] = []
    for entry in middleware if isinstance(middleware, list) else []:
        if not isinstance(entry, str):
            continue
        if entry.endswith("LoginRequiredMiddleware"):
            found.append(Guard("LoginRequiredMiddleware", "auth", (), "middleware"))
            continue
        name = index.resolve(entry)
        for method in ("__call__", "process_view", "process_request"):
            owner = index.class_method(name, method)
            guard = guards.hook(f"{owner[0]}.{method}", index) if owner else None
            if guard:
                found.append(replace(guard, name=last(name), source="middleware"))
                break
    return found


def _includes(patterns: list, index: Index) -> list[str]:
    found = []
    for entry in patterns:
        if isinstance(entry, dict) and len(entry.get("args", [])) > 1:
            view = entry["args"][1]
            if isinstance(view, dict) and last(view.get("call")) == "include" and view.get("args"):
                target = view["args"][0]
                if isinstance(target, str):
                    found.append(target)
                elif isinstance(target, dict) and target.get("ref"):
                    found.append(index.resolve(target["ref"]))
    return found


class _Walker:
    def __init__(self, index: Index, site_wide: list[Guard]) -> None:
        self.index = index
        self.site_wide = site_wide
        self.result: list[Endpoint] = []

    def urlconf(self, module: str, prefix: str, wrapping: list[Guard], depth: int) -> None:
        found = self.index.urlconfs.get(module)
        if found is None:  # "blog.urls" scanned as "src.blog.urls"
            matches = [m for m in self.index.urlconfs if m.endswith("." + module)]
            found = self.index.urlconfs[matches[0]] if len(matches) == 1 else None
        if found is None or depth > 12:
            return
        self.patterns(found[1], found[0], prefix, wrapping, depth)

    def patterns(self, patterns: list, file: str, prefix: str, wrapping: list[Guard], depth: int) -> None:
        for entry in patterns:
            if not isinstance(entry, dict):
                continue
            if entry.get("ref", "").endswith(".urls"):  # urlpatterns += router.urls
                self.router(entry["ref"][: -len(".urls")], prefix, wrapping)
                continue
            kind = last(entry.get("call"))
            args = entry.get("args", [])
            if kind not in {"path", "re_path", "url"} or len(args) < 2:
                continue
            route = join(prefix, _route(args[0], kind != "path"))
            self.view(args[1], route, file, wrapping, depth)

    def view(self, view: object, route: str, file: str, wrapping: list[Guard], depth: int) -> None:
        if not isinstance(view, dict):
            if isinstance(view, list):
                self.patterns(view, file, route, wrapping, depth + 1)
            return
        index = self.index
        call = view.get("call", "")
        if last(call) == "include" and view.get("args"):
            target = view["args"][0]
            if isinstance(target, list) and len(target) == 2 and isinstance(target[1], str):  # include((urls, "ns"))
                target = target[0]
            if isinstance(target, str):
                self.urlconf(target, route, wrapping, depth + 1)
            elif isinstance(target, list):
                self.patterns(target, file, route, wrapping, depth + 1)
            elif isinstance(target, dict) and target.get("ref"):
                ref = index.resolve(target["ref"])
                if ref.endswith(".urls") and ref not in index.urlconfs:
                    self.router(ref[: -len(".urls")], route, wrapping)
                else:
                    self.urlconf(ref, route, wrapping, depth + 1)
            return
        if last(call) == "as_view":
            self.class_view(index.resolve(call.rpartition(".")[0]), route, wrapping, view, file)
            return
        if call and view.get("args"):  # login_required(MyView.as_view()), csrf_exempt(view)
            guard = guards.decorator({"name": call, "call": False}, index)
            self.view(view["args"][0], route, file, [*wrapping, *([guard] if guard else [])], depth)
            return
        if view.get("ref"):
            name = index.resolve(view["ref"])
            if name in index.classes:
                return
            found = index.function(name)
            if found:
                self.function_view(name, found[0], found[1], route, wrapping)

    def function_view(self, name: str, file: str, function: dict, route: str, wrapping: list[Guard]) -> None:
        index = self.index
        methods: list[str] | None = None
        own: list[Guard] = []
        drf_view = False
        permission: list | None = None
        csrf = None
        for spec in function["decorators"]:
            short = last(spec["name"])
            if short in _METHOD_DECORATORS:
                methods = _METHOD_DECORATORS[short]
            elif short == "require_http_methods" and spec.get("args"):
                methods = sorted(m.upper() for m in spec["args"][0] if isinstance(m, str)) if isinstance(spec["args"][0], list) else None
            elif short == "api_view":
                drf_view = True
                declared = (spec.get("args") or [spec.get("kwargs", {}).get("http_method_names")])[0]
                methods = sorted(m.upper() for m in declared if isinstance(m, str)) if isinstance(declared, list) else ["GET"]
            elif short == "permission_classes" and spec.get("args"):
                permission = spec["args"][0] if isinstance(spec["args"][0], list) else None
            elif short == "csrf_exempt":
                csrf = (file, spec["line"], spec["col"])
            else:
                guard = guards.decorator(spec, index)
                if guard:
                    own.append(guard)
        inline = guards.inline(function, index)
        if inline:
            own.append(inline)
        permissive = False
        if drf_view:
            found, permissive = drf.class_guards("", index, permission) if permission is not None else drf.default_guards(index)
            own += found
            permissive = permissive and permission is None
        if methods is None:
            methods = sorted({"GET", *function.get("compared_methods", [])})
        self.result.append(Endpoint(
            "drf" if drf_view else "django", route, tuple(methods), Handler(name, file, function["line"], function["col"]),
            tuple([*self.site_wide, *wrapping, *own]) if not drf_view else tuple([*wrapping, *own]),
            group=name.rpartition(".")[0], writes=function["writes"], csrf_exempt=csrf, permissive_default=permissive,
            view=name if drf_view else "", view_line=function["line"],
        ))

    def class_view(self, name: str, route: str, wrapping: list[Guard], view: dict, urls_file: str = "") -> None:
        index = self.index
        found = index.class_(name)
        if found is None:
            if last(name) in _GENERIC:  # a framework view used as is (LoginView.as_view())
                self.result.append(Endpoint("django", route, _GENERIC[last(name)], Handler(name, urls_file, 1), tuple(wrapping),
                                            group=name.rpartition(".")[0], view=name))
            return
        file, cls = found
        mapping = view.get("args", [None])[0] if view.get("args") else None
        if drf.is_viewset(name, index) and isinstance(mapping, dict) and "call" not in mapping and "ref" not in mapping:
            for method, action in mapping.items():
                self.action_endpoint(name, file, cls, route, [str(method).upper()], action, wrapping, None)
            return
        if drf.is_drf_class(name, index):
            own, permissive = drf.class_guards(name, index)
            methods = drf.view_methods(name, index)
        else:
            own, permissive = [*guards.mixins(name, index), *self.dispatch_guards(name)], False
            methods = self.django_methods(name)
        writes = any((m := index.class_method(name, verb.lower())) and m[2]["writes"] for verb in methods)
        csrf = self.class_csrf(name, file)
        guards_ = [*wrapping, *own] if drf.is_drf_class(name, index) else [*self.site_wide, *wrapping, *own]
        self.result.append(Endpoint(
            "drf" if drf.is_drf_class(name, index) else "django", route, tuple(methods),
            Handler(name, file, cls["line"], cls["col"]), tuple(guards_), group=name.rpartition(".")[0],
            writes=writes, csrf_exempt=csrf, permissive_default=permissive, view=name, view_line=cls["line"],
        ))

    def dispatch_guards(self, name: str) -> list[Guard]:
        index = self.index
        found: list[Guard] = []
        per_method: dict[str, set[Guard]] = {}  # method_decorator(..., name="post") and decorators on `post`
        for ancestor in index.ancestors(name):
            cls = index.classes.get(ancestor)
            if not cls:
                continue
            for spec in cls[1]["decorators"]:
                target = spec.get("kwargs", {}).get("name")
                guard = guards.decorator(spec, index)
                if guard and (target in (None, "dispatch") or last(spec["name"]) != "method_decorator"):
                    found.append(guard)
                elif guard and isinstance(target, str):
                    per_method.setdefault(target, set()).add(guard)
            for method in cls[1]["methods"]:
                entry = index.functions.get(f"{ancestor}.{method}")
                if method in drf.VERBS and entry:
                    per_method.setdefault(method, set()).update(g for g in (guards.decorator(s, index) for s in entry[1]["decorators"]) if g)
            verbs = [index.functions.get(f"{ancestor}.{m}") for m in cls[1]["methods"] if m in drf.VERBS]
            inline = [guards.inline(v[1], index) for v in verbs if v]
            if inline and all(inline):  # every verb method refuses callers first
                found.append(min(inline, key=lambda g: g.kind != "auth"))
            dispatch = index.functions.get(f"{ancestor}.dispatch")
            if dispatch:
                found += [g for g in (guards.decorator(s, index) for s in dispatch[1]["decorators"]) if g]
                if dispatch[1].get("guard"):
                    signature = dispatch[1]["guard"]
                    found.append(Guard(f"{last(ancestor)}.dispatch", "role" if signature["role"] else "auth", tuple(signature["roles"]), "mixin"))
        return found + guards.per_method(per_method, self.django_methods(name))

    def class_csrf(self, name: str, file: str) -> tuple[str, int, int] | None:
        for ancestor in self.index.ancestors(name):
            cls = self.index.classes.get(ancestor)
            if not cls:
                continue
            functions = [cls[1]] + [self.index.functions.get(f"{ancestor}.{m}", ("", {"decorators": []}))[1] for m in cls[1]["methods"]]
            for item in functions:
                for spec in item["decorators"]:
                    inner = spec.get("args", [None])[0] if spec.get("args") else None
                    if last(spec["name"]) == "csrf_exempt":
                        return (self.index.classes[ancestor][0], spec["line"], spec["col"])
                    if isinstance(inner, dict) and last(inner.get("ref")) == "csrf_exempt" and spec.get("arg_at"):
                        return (self.index.classes[ancestor][0], *spec["arg_at"])
        return None

    def django_methods(self, name: str) -> list[str]:
        methods: set[str] = set()
        for ancestor in self.index.ancestors(name):
            cls = self.index.classes.get(ancestor)
            if cls:
                methods |= {m.upper() for m in cls[1]["methods"] if m in drf.VERBS}
            else:
                methods |= set(_GENERIC.get(last(ancestor), ()))
        declared = self.index.class_attr(name, "http_method_names")
        if isinstance(declared, list):
            methods &= {m.upper() for m in declared if isinstance(m, str)}
        return sorted(methods) or ["GET"]

    def router(self, router: str, prefix: str, wrapping: list[Guard]) -> None:
        index = self.index
        router = index.resolve(router)
        for _file, call in index.calls:
            if index.resolve(call["receiver"]) != router or call["method"] != "register" or len(call["args"]) < 2:
                continue
            route_prefix, viewset = call["args"][0], call["args"][1]
            if not isinstance(route_prefix, str) or not isinstance(viewset, dict) or not viewset.get("ref"):
                continue
            name = index.resolve(viewset["ref"])
            found = index.class_(name)
            if found is None:
                continue
            lookup = index.class_attr(name, "lookup_url_kwarg") or index.class_attr(name, "lookup_field") or "pk"
            base = join(prefix, route_prefix) if route_prefix else join(prefix)
            slash = (index.object(router) or {}).get("kwargs", {}).get("trailing_slash") is not False
            allowed = index.class_attr(name, "http_method_names")
            for action in drf.viewset_actions(name, index):
                if isinstance(allowed, list) and not {m.lower() for m in action["methods"]} & set(allowed):
                    continue
                detail = f"{{{lookup}}}/" if action["detail"] else ""
                tail = f"{action['url_path']}/" if action["url_path"] else ""
                route = join(base.rstrip("/") + "/", detail + tail)
                if not slash and route != "/":
                    route = route.rstrip("/")
                self.action_endpoint(name, found[0], found[1], route, action["methods"], action["action"], wrapping, action)

    def action_endpoint(self, name, file, cls, route, methods, action_name, wrapping, action) -> None:
        index = self.index
        action = action or {}
        own, permissive = drf.class_guards(name, index, action.get("permission_classes"))
        function = action.get("function") or {}
        if function:
            inline = guards.inline(function, index)
            if inline:
                own.append(inline)
        line = action.get("line") or cls["line"]
        self.result.append(Endpoint(
            "drf", route, tuple(methods), Handler(f"{name}.{action_name}", file, line, function.get("col", cls["col"]) if function else cls["col"]),
            tuple([*wrapping, *own]), group=name.rpartition(".")[0], writes=bool(function.get("writes")),
            permissive_default=permissive, view=name, view_line=cls["line"],
        ))




