"""The account check's page (to be built)."""


def account_page(params):
    return {}
