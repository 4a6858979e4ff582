"""Access-control rules (BST301-305), reported by the route analysis rather than a node check."""

from __future__ import annotations

from bastion.rules.registry import declare

UNGUARDED_STATE_CHANGE = declare(
    "BST301", "unguarded-state-changing-endpoint",
    summary="An endpoint that changes state (POST/PUT/PATCH/DELETE, or a GET that writes) has no guard",
    severity="high", confidence="medium", cwe=862, owasp="A01",
    doc="""
    ## What it does
    Builds the route inventory (Flask, FastAPI, Django, Django REST framework) and reports endpoints
    that accept POST, PUT, PATCH or DELETE, or GET handlers that commit, save, delete or write files,
    when no guard runs before them: no login/permission decorator, no `before_request` hook, no
    FastAPI `Depends`/`Security` that refuses callers, no Django mixin, no DRF permission class.
    Login, logout, registration, password reset, health and static endpoints are public by nature and
    not reported; so are display-preference switches (language, locale, timezone, theme, such as
    Django's `set_language`) that write nothing but the visitor's cookie or session. Views marked
    `login_not_required` (Django 5.1) are public on purpose. A decorator named like a well-known
    guard (`login_required`, `permission_required`) is that guard even when the scanned project
    defines it itself and its body only delegates. More public routes can be declared in
    `[tool.bastion.routes] public-routes`.

    ## Why is this bad?
    Anyone who can reach the server can call the endpoint and change data (CWE-862, Missing
    Authorization; OWASP A01 Broken Access Control).

    ## Example
    ```python
    @bp.post("/posts/<int:id>/delete")
    def delete_post(id):
        db.session.delete(Post.query.get(id)); db.session.commit()
    ```

    ## Use instead
    ```python
    @bp.post("/posts/<int:id>/delete")
    @login_required
    def delete_post(id): ...
    ```

    ## References
    - https://owasp.org/Top10/A01_2021-Broken_Access_Control/
    - https://cwe.mitre.org/data/definitions/862.html

    ## Known limitations
    Guards are recognised by name (library decorators) or by what the decorator, hook or dependency
    does (refuses with 401/403/PermissionDenied or redirects to a login page). Checks made by a
    reverse proxy or middleware Bastion does not see are unknown; declare such routes public.
    """,
)

MISSING_ROLE_CHECK = declare(
    "BST302", "sensitive-endpoint-without-role-check",
    summary="A sensitive endpoint (admin, export, users, settings, billing, delete) checks no role or permission",
    severity="medium", confidence="medium", cwe=285, owasp="A01",
    doc="""
    ## What it does
    Reports endpoints whose path or handler name is about administration, data export, user
    management, settings, billing or deletion, when the guards in front of them only require a
    logged-in user (or nothing), and no role, permission, group or scope.

    ## Why is this bad?
    Any ordinary account, including one an attacker just registered, can use an administrative
    function (CWE-285, Improper Authorization; vertical privilege escalation).

    ## Example
    ```python
    @app.get("/admin/export")
    @login_required
    def export_users(): ...
    ```

    ## Use instead
    ```python
    @app.get("/admin/export")
    @roles_required("admin")
    def export_users(): ...
    ```

    ## References
    - https://owasp.org/Top10/A01_2021-Broken_Access_Control/
    - https://cwe.mitre.org/data/definitions/285.html

    ## Known limitations
    Sensitivity is judged from words in the path and handler name; ownership checks inside the
    handler (`obj.owner == user`) are only seen when they refuse the caller near the top.
    """,
)

UNGUARDED_SIBLING = declare(
    "BST303", "unguarded-sibling-endpoint",
    summary="An endpoint has no guard while the other endpoints of its blueprint, router or view module do",
    severity="medium", confidence="low", cwe=862, owasp="A01",
    doc="""
    ## What it does
    Groups endpoints by blueprint (Flask), router (FastAPI) or view module (Django, DRF) and reports
    an endpoint without any guard when at least three quarters of its siblings of the same nature
    (read-only, or state-changing), and at least two, are guarded. Endpoints public by purpose or by
    configuration are left out on both sides.

    ## Why is this bad?
    A forgotten decorator is the most common way an access-control gap appears: when everything
    around an endpoint is protected, the one that is not is usually a mistake (CWE-862).

    ## Example
    ```python
    @bp.get("/invoices")
    @login_required
    def invoices(): ...

    @bp.get("/invoices/<id>")
    def invoice(id): ...
    ```

    ## Use instead
    Add the same guard, or declare the endpoint public in `public-routes` if it is meant to be.

    ## References
    - https://owasp.org/Top10/A01_2021-Broken_Access_Control/
    - https://cwe.mitre.org/data/definitions/862.html
    """,
)

PERMISSIVE_DEFAULT = declare(
    "BST304", "drf-permissive-default",
    summary="A DRF view relies on the default permission classes, which allow anyone",
    severity="high", confidence="medium", cwe=276, owasp="A01",
    doc="""
    ## What it does
    Reports Django REST framework views (`APIView`, generic views, ViewSets, `@api_view` functions)
    that set no `permission_classes` while `REST_FRAMEWORK["DEFAULT_PERMISSION_CLASSES"]` is missing
    from the settings (DRF then uses `AllowAny`) or is `AllowAny` itself.

    ## Why is this bad?
    Every such view is open to anonymous callers, for reads and writes alike (CWE-276, Incorrect
    Default Permissions).

    ## Example
    ```python
    class ArticleViewSet(viewsets.ModelViewSet):
        queryset = Article.objects.all()
    ```

    ## Use instead
    ```python
    REST_FRAMEWORK = {"DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"]}
    ```
    and `permission_classes = [AllowAny]` on the views that are public on purpose.

    ## References
    - https://www.django-rest-framework.org/api-guide/permissions/#setting-the-permission-policy
    - https://cwe.mitre.org/data/definitions/276.html
    """,
)

CSRF_EXEMPT_STATE_CHANGE = declare(
    "BST305", "csrf-exempt-state-changing-endpoint",
    summary="A state-changing endpoint is exempt from CSRF protection",
    severity="medium", confidence="medium", cwe=352, owasp="A01",
    doc="""
    ## What it does
    Reports `csrf_exempt` (Django, also through `method_decorator`) and Flask-WTF `csrf.exempt` on
    endpoints that accept POST, PUT, PATCH or DELETE, naming the route.

    ## Why is this bad?
    A page on another site can make the user's browser send the request with their cookies and
    change data in their name (CWE-352).

    ## Example
    ```python
    @csrf_exempt
    @require_POST
    def transfer(request): ...
    ```

    ## Use instead
    Keep CSRF protection; for machine-to-machine webhooks verify a signature instead.

    ## References
    - https://docs.djangoproject.com/en/stable/ref/csrf/
    - https://cwe.mitre.org/data/definitions/352.html
    """,
)
