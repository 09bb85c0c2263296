"""The proposal check's page (to be built)."""


def proposal_page(params):
    return {}, 200
