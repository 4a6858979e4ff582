from shop.payments import webhooks

FAKE_STRIPE = "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"
TEST_PASSWORD = "Velvet!65copper*"


def test_verify():
    assert webhooks.verify(b"{}", "sig", secret="ZvTYXvIgtawGs1TAMfIACOlj8V51HZ7dFJmUPmkV")
