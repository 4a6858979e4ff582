import nox

PYTHONS = ["3.9", "3.12"]


@nox.session(python=PYTHONS)
def tests(session):
    session.install("-e", ".")
    session.run("pytest")


@nox.session(python="3.12")
def docs(session):
    session.install("sphinx")
