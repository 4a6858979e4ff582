from ldap3 import Connection, Server
from rest_framework.decorators import api_view
from rest_framework.response import Response


@api_view(["GET"])
def org_unit(request):
    ou = request.query_params.get("ou", "people")
    conn = Connection(Server("ldap://directory.internal"), auto_bind=True)
    conn.search(f"ou={ou},dc=example,dc=org", "(objectClass=person)", attributes=["cn"])  # expect: BST256
    return Response([str(e.cn) for e in conn.entries])
