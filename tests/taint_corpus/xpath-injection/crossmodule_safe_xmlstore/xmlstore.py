from lxml import etree

_USERS = etree.parse("/srv/data/users.xml")


def find_user(login):
    found = _USERS.xpath("//user[login=$login]/email/text()", login=login)
    return found[0] if found else None
