import ldap


def main() -> None:
    login = input("login: ")
    conn = ldap.initialize("ldap://localhost")
    for dn, _ in conn.search_s("dc=example,dc=org", ldap.SCOPE_SUBTREE, "(uid=" + login + ")"):  # expect: BST256
        print(dn)


if __name__ == "__main__":
    main()
