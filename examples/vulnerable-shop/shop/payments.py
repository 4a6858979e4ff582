import requests

from .config import Config


def charge(card_token: str, amount_cents: int) -> dict:
    response = requests.post(
        f"{Config.PAYMENT_API}/charges",
        json={"source": card_token, "amount": amount_cents},
        verify=False,
        timeout=10,
    )
    return response.json()
