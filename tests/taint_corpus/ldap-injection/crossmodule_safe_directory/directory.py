from ldap3 import Connection, Server
from ldap3.utils.conv import escape_filter_chars

_server = Server("ldap://directory.internal")


def _team_filter(team):
    return "(&(objectClass=group)(cn=%s))" % escape_filter_chars(team)


def members_of(team):
    conn = Connection(_server, auto_bind=True)
    conn.search("ou=teams,dc=example,dc=org", _team_filter(team), attributes=["member"])
    return [str(m) for e in conn.entries for m in e.member]
