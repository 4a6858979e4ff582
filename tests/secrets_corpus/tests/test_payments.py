from shop.payments import webhooks

FAKE_STRIPE = "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"
TEST_PASSWORD = "Harbor*10falcon&"


def test_verify():
    assert webhooks.verify(b"{}", "sig", secret="SzXSdoQMBiAxxHWH3QYsQ7ry0DjXhqPxBS0XEbDi")
