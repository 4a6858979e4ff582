import ldap
from ldap.filter import escape_filter_chars
from django.http import JsonResponse


def search(request):
    q = escape_filter_chars(request.GET.get("q", ""))
    conn = ldap.initialize("ldap://dir.internal")
    res = conn.search_s("dc=example,dc=org", ldap.SCOPE_SUBTREE, f"(|(cn={q}*)(mail={q}*))")
    return JsonResponse({"n": len(res)})
