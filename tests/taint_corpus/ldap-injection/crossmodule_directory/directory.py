from ldap3 import Connection, Server

_server = Server("ldap://directory.internal")


def _team_filter(team):
    return "(&(objectClass=group)(cn=%s))" % team


def members_of(team):
    conn = Connection(_server, auto_bind=True)
    conn.search("ou=teams,dc=example,dc=org", _team_filter(team), attributes=["member"])  # expect: BST256
    return [str(m) for e in conn.entries for m in e.member]
