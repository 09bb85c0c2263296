"""Spelling in the proposal check (checks.spelling): offline, taught the trade's words, silent on
Banglish and names, and not fooled into silence by a proposal that is mostly misspelt."""

from checks.spelling import misspellings


def test_misspellings_are_found_but_trade_words_names_and_british_spelling_are_not():
    words = dict(misspellings("I will recieve your fils and send them back."))
    assert words["recieve"] == "receive"
    assert "fils" in words
    assert (
        misspellings(
            "I build Shopify and wordpress shops, design in figma and canva, and know seo, ui, ux, api, css, "
            "html and javascript. Ask Rahim Uddin at Karim Traders about the colours I organise. SEO HTML5 "
            "rahim@mail.com www.kormo.com"
        )
        == []
    )


def test_banglish_is_not_spell_checked():
    assert misspellings("Ami apnar logo ta korte parbo, kono somossa nai, kal theke kaj shuru korbo.") == []


def test_a_mostly_misspelt_english_proposal_is_still_spell_checked():
    # Fewer than half its words are in the dictionary, yet its function words are English.
    text = (
        "Helo, I am intrested in yuor projct. I hav mor then five yers experiance in logo desing and I can "
        "delivar it tomorow. Wuld you liek to see my portfollio?"
    )
    found = dict(misspellings(text))
    assert found["intrested"] == "interested" and found["yuor"] == "your" and found["projct"] == "project"
    assert len(found) == 5


def test_banglish_with_a_few_english_words_is_still_not_spell_checked():
    assert (
        misspellings("Bhai ami apnar kaj ta korte pari, amar experience ache logo design e. Price ta kom hobe?") == []
    )
