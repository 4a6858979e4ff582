import requests


def fetch_json(url):
    response = requests.get(url, headers={"Accept": "application/json"}, timeout=5)  # expect: BST254
    response.raise_for_status()
    return response.json()
