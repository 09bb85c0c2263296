"""The offer check's page (being built)."""


def offer_page(data):
    return {}, 200
