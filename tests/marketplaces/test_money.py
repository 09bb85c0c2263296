"""The money calculator: worked examples computed by hand from each marketplace's published rule,
the inputs readers type, and the page in both languages.

Worked examples use the pure functions in marketplaces/money.py with the facts written out here
(each cited), so a change to the shipped content cannot silently change what they prove.
"""

import datetime
import re
from decimal import Decimal as D

import pytest

from editorial.content import ContentLoader
from marketplaces import content as marketplaces_content
from marketplaces import money
from marketplaces.models import ContractTerms, ExchangeRate, PayoutStep
from tests import factories

RATE = D("122.30")  # Bangladesh Bank average, 26 Feb 2026 (prothomalo.com/business/bank/q4en2esviy)

# Payoneer to bKash: Payoneer's taka payout charge 2-3% (studio.designofly.com/?p=3999 says 3% from
# 20 Oct 2024; older pages up to 2%); bKash: at least Tk 1,000, at most Tk 1,25,000 a transfer
# (bkash.com/help/limits); incentive not confirmed for Payoneer money.
PAYONEER_BKASH = money.Step(
    key="payoneer-bkash",
    name="Payoneer, then bKash",
    spread_percent=D("2"),
    spread_percent_max=D("3"),
    minimum_bdt=D("1000"),
    maximum_bdt=D("125000"),
    days_min=0,
    days_max=1,
    incentive="unconfirmed",
)
PAYONEER_BANK = money.Step(
    key="payoneer-bank", name="Payoneer, then bank", spread_percent=D("2"), spread_percent_max=D("3")
)
# Fiverr: 20% of every order (help.fiverr.com ... 360049646033); withdrawal to Payoneer $1-3
# (uncertain); clearance 14 days (support.fiverr.com/hc/en-us/articles/201695617).
FIVERR_FEE = money.Fee(D("20"), D("20"))
FIVERR_TERMS = money.Terms(14, 14)
FIVERR_PAYONEER = money.Step(
    key="fiverr-payoneer", name="Fiverr to Payoneer", fixed_fee_usd=D("1"), fixed_fee_usd_max=D("3"), days_max=2
)
# Upwork: variable fee 0-15% per contract (support.upwork.com ... 211062538); Direct to Local
# Bank $0.99 a withdrawal, at least $5, up to 7 business days (support.upwork.com ... 211060578);
# fixed-price: 5-day security period, or 14 days + 5 if the client does not act (... 211062568).
UPWORK_FEE = money.Fee(D("0"), D("15"))
UPWORK_FIXED = money.Terms(5, 19)
UPWORK_LOCAL_BANK = money.Step(
    key="upwork-local-bank",
    name="Direct to local bank",
    fixed_fee_usd=D("0.99"),
    spread_percent=D("0"),
    spread_percent_max=D("2"),
    minimum_usd=D("5"),
    days_min=1,
    days_max=7,
)
# Freelancer.com: fixed-price fee 10% or $5, whichever is greater (Freelancer's fees and charges);
# Payoneer free for withdrawals of $30 or more (freelancer.com/feesandcharges).
FREELANCER_FIXED_FEE = money.Fee(D("10"), D("10"), minimum_usd=D("5"))
FREELANCER_PAYONEER = money.Step(key="freelancer-com-payoneer", name="Freelancer.com to Payoneer", minimum_usd=D("30"))
# PeoplePerHour: fee 3.5-20% tiered per client (support.peopleperhour.com ... 360001460527, the 2018
# scheme); money in the account a few hours to 3 working days after the client pays the invoice
# (support.peopleperhour.com ... 205217797); withdrawal to Payoneer $0-3 and 0-3 days, not published
# by PPH: $3 a transfer per studio.designofly.com/?p=3999 (uncertain).
PPH_FEE = money.Fee(D("3.5"), D("20"))
PPH_TERMS = money.Terms(0, 3)
PPH_PAYONEER = money.Step(
    key="peopleperhour-payoneer",
    name="PeoplePerHour to Payoneer",
    fixed_fee_usd=D("0"),
    fixed_fee_usd_max=D("3"),
    days_max=3,
)


def rounded(span):
    return (money.round_taka(span.low), money.round_taka(span.high))


def test_fiverr_100_dollars_payoneer_to_bkash():
    # $100 - 20% = $80. Worst: 80 - 3 = 77 dollars; 77 x 122.30 = 9,417.10; less 3% = 9,134.587 -> 9,135.
    # Best: 80 - 1 = 79; 79 x 122.30 = 9,661.70; less 2% = 9,468.466 -> 9,468. Days: 14 + 0-2 + 0-1.
    result = money.forward(D("100"), FIVERR_FEE, FIVERR_TERMS, [FIVERR_PAYONEER, PAYONEER_BKASH], RATE)
    assert result.lines[0].cost_usd == money.Span(D("20"), D("20"))
    assert result.lines[1].left_usd == money.Span(D("77"), D("79"))
    assert rounded(result.taka) == (D("9135"), D("9468"))
    assert (result.days.low, result.days.high) == (14, 17)
    assert result.incentive == "unconfirmed"
    assert result.lines[-1].kind == "incentive" and result.lines[-1].cost_bdt is None  # shown, not added
    assert result.problems == []


def test_peopleperhour_100_dollars_payoneer_to_bkash():
    # $100. Fee 3.5-20%: worst $20 -> $80, best $3.50 -> $96.50. Withdrawal $0-3: worst 80 - 3 = 77,
    # best 96.50 - 0 = 96.50. Worst: 77 x 122.30 = 9,417.10, less 3% = 9,134.587 -> 9,135.
    # Best: 96.50 x 122.30 = 11,801.95, less 2% = 11,565.911 -> 11,566. Days: 0-3 + 0-3 + 0-1 = 0-7.
    result = money.forward(D("100"), PPH_FEE, PPH_TERMS, [PPH_PAYONEER, PAYONEER_BKASH], RATE)
    assert result.lines[0].cost_usd == money.Span(D("3.5"), D("20"))
    assert result.lines[1].cost_usd == money.Span(D("0"), D("3"))
    assert result.lines[1].left_usd == money.Span(D("77"), D("96.5"))
    assert rounded(result.taka) == (D("9135"), D("11566"))
    assert (result.days.low, result.days.high) == (0, 7)
    assert result.problems == []


def test_upwork_fee_range_direct_to_local_bank():
    # $200 fixed-price. Fee 0-15%: worst $30 -> $170, best $0 -> $200. Less $0.99: 169.01 / 199.01.
    # Worst: 169.01 x 122.30 = 20,669.923, less 2% = 20,256.52454 -> 20,257.
    # Best: 199.01 x 122.30 = 24,338.923, less 0% -> 24,339. Days: 5-19 + 1-7 = 6-26.
    result = money.forward(D("200"), UPWORK_FEE, UPWORK_FIXED, [UPWORK_LOCAL_BANK], RATE)
    assert result.lines[0].cost_usd == money.Span(D("0"), D("30"))  # a cost: cheapest to costliest
    assert result.lines[1].left_usd == money.Span(D("169.01"), D("199.01"))
    assert rounded(result.taka) == (D("20257"), D("24339"))
    assert (result.days.low, result.days.high) == (6, 26)


def test_upwork_below_the_minimum_withdrawal():
    # $5 job: worst fee 15% = $0.75 -> $4.25, under Upwork's $5 minimum for a local-bank withdrawal.
    result = money.forward(D("5"), UPWORK_FEE, UPWORK_FIXED, [UPWORK_LOCAL_BANK], RATE)
    assert [(kind, limit) for kind, _step, limit in result.problems] == [("below_minimum_usd", D("5"))]


def test_freelancer_minimum_fee_and_minimum_withdrawal():
    # $40 fixed-price: 10% is $4, under the $5 minimum fee, so $5 is taken -> $35 (over the $30 minimum).
    result = money.forward(D("40"), FREELANCER_FIXED_FEE, money.Terms(0, 15), [FREELANCER_PAYONEER, PAYONEER_BANK], 120)
    assert result.lines[0].cost_usd == money.Span(D("5"), D("5"))
    assert result.problems == []
    # 35 x 120 = 4,200; less 3% = 4,074, less 2% = 4,116.
    assert rounded(result.taka) == (D("4074"), D("4116"))
    # $30 job: $5 fee -> $25, under Freelancer.com's $30 minimum for Payoneer.
    small = money.forward(D("30"), FREELANCER_FIXED_FEE, money.Terms(0, 15), [FREELANCER_PAYONEER, PAYONEER_BANK], 120)
    assert [(kind, limit) for kind, _step, limit in small.problems] == [("below_minimum_usd", D("30"))]


def test_reverse_fiverr_ten_thousand_taka_in_bkash():
    # Worst: 10,000 / (122.30 x 0.97 = 118.631) = 84.29500...; + $3 = 87.29500...; / 0.8 = 109.11876 -> $109.12.
    # Best: 10,000 / (122.30 x 0.98 = 119.854) = 83.43484...; + $1 = 84.43484...; / 0.8 = 105.54355 -> $105.55.
    price = money.reverse(D("10000"), FIVERR_FEE, [FIVERR_PAYONEER, PAYONEER_BKASH], RATE)
    assert price == money.Span(D("105.55"), D("109.12"))
    # Asking the worst-case price really gives at least 10,000 in the worst case.
    check = money.forward(price.high, FIVERR_FEE, FIVERR_TERMS, [FIVERR_PAYONEER, PAYONEER_BKASH], RATE)
    assert check.taka.low >= D("10000")


def test_reverse_with_freelancer_minimum_fee():
    # Tk 3,000 via Payoneer to a bank at 120: worst 3,000 / (120 x 0.97) = 25.7732; 10% would be
    # 25.7732 / 0.9 x 0.1 = 2.86, under the $5 minimum fee, so the price is 25.7732 + 5 = 30.7732 -> $30.78.
    # Best: 3,000 / (120 x 0.98) = 25.5102 + 5 = 30.5102 -> $30.52.
    price = money.reverse(D("3000"), FREELANCER_FIXED_FEE, [FREELANCER_PAYONEER, PAYONEER_BANK], 120)
    assert price == money.Span(D("30.52"), D("30.78"))


def test_reverse_upwork_fee_range():
    # Tk 12,230 (= $100 at the rate) via local bank: worst 100 / 0.98 = 102.0408; + 0.99 = 103.0308;
    # / 0.85 = 121.2127 -> $121.22. Best: 100 + 0.99 = 100.99 / 1 -> $100.99.
    price = money.reverse(D("12230"), UPWORK_FEE, [UPWORK_LOCAL_BANK], RATE)
    assert price == money.Span(D("100.99"), D("121.22"))


def test_confirmed_incentive_is_added_and_counted_back():
    bank = money.Step(key="b", name="bank", spread_percent=D("0"), incentive="confirmed", incentive_percent=D("2.5"))
    result = money.forward(D("100"), money.Fee(D("0"), D("0")), money.Terms(0, 0), [bank], 100)
    # 100 x 100 = 10,000, plus 2.5% = 10,250.
    assert rounded(result.taka) == (D("10250"), D("10250"))
    assert money.reverse(D("10250"), money.Fee(D("0"), D("0")), [bank], 100) == money.Span(D("100"), D("100"))


def test_bkash_limits_are_reported():
    # $1,000 on Fiverr: (800 - 1) x 122.30 x 0.98 = 95,763 taka at best, under bKash's Tk 1,25,000.
    big = money.forward(D("1000"), FIVERR_FEE, FIVERR_TERMS, [FIVERR_PAYONEER, PAYONEER_BKASH], RATE)
    assert ("over_maximum_bdt", D("125000")) not in [(k, v) for k, _s, v in big.problems]
    # $2,000: (1,600 - 1) x 119.854 = 191,646 at best, over it: send it in parts.
    huge = money.forward(D("2000"), FIVERR_FEE, FIVERR_TERMS, [FIVERR_PAYONEER, PAYONEER_BKASH], RATE)
    assert ("over_maximum_bdt", D("125000")) in [(k, v) for k, _s, v in huge.problems]
    tiny = money.forward(D("10"), FIVERR_FEE, FIVERR_TERMS, [FIVERR_PAYONEER, PAYONEER_BKASH], RATE)
    assert ("below_minimum_bdt", D("1000")) in [(k, v) for k, _s, v in tiny.problems]


def test_route_without_conversion_is_refused():
    with pytest.raises(money.NoConversion):
        money.forward(D("10"), FIVERR_FEE, FIVERR_TERMS, [FIVERR_PAYONEER], RATE)


# --- The page, with the shipped content ---------------------------------------------------------


@pytest.fixture
def money_content(db):
    """Only the shipped marketplaces and money facts: the pages here need nothing else (and
    loading every guide's Markdown for each of these tests would triple their time)."""
    marketplaces_content.load(ContentLoader())
    assert ExchangeRate.objects.count() >= 1
    assert PayoutStep.objects.filter(slug="payoneer-bkash").exists()


def test_done_when_fiverr_100_payoneer_to_bkash_in_bangla(client, money_content):
    response = client.get("/bn/money/?m=fiverr&route=payoneer-bkash&price=১০০")
    html = response.content.decode()
    assert response.status_code == 200
    # Every deduction, the taka in hand in Bangla digits and the days until usable.
    assert "ফাইভার থেকে পেওনিয়ারে" in html
    assert "পেওনিয়ার, তারপর বিকাশে" in html
    assert "৳৯,১৭৩–৳৯,৫০৮" in html  # the shipped rate, 122.81 (28 Sep 2026): 77 x 122.81 x 0.97; 79 x 122.81 x 0.98
    assert "১৪–১৭" in html
    assert '<meta name="robots" content="noindex">' in html
    # Each number traces to a dated source.
    assert (
        "https://www.tbsnews.net/economy/bangladesh-bank-doubles-limit-sending-remittances-through-mfs-752826" in html
    )
    assert "https://support.fiverr.com/hc/en-us/articles/201695617" in html


def test_english_page_uses_western_grouping(client, money_content):
    html = client.get("/en/money/?m=upwork&route=upwork-local-bank&contract=fixed&price=1,000").content.decode()
    # $1,000 at the shipped 122.81: worst 850 - 0.99 = 849.01 x 122.81 x 0.98 = 102,181.58 -> 102,182;
    # best 999.01 x 122.81 = 122,688.418 -> 122,688.
    assert "৳102,182–৳122,688" in html


def test_bangla_page_uses_lakh_grouping(client, money_content):
    html = client.get("/bn/money/?m=upwork&route=upwork-local-bank&contract=fixed&price=1000").content.decode()
    assert "৳১,০২,১৮২–৳১,২২,৬৮৮" in html


def test_hourly_rate_times_hours(client, money_content):
    by_hours = client.get("/en/money/?m=upwork&route=upwork-local-bank&rate=12.5&hours=8").content.decode()
    by_price = client.get("/en/money/?m=upwork&route=upwork-local-bank&price=100").content.decode()
    assert "$100.00 on" in by_hours
    assert by_hours.split("Taka in hand:")[1][:80] == by_price.split("Taka in hand:")[1][:80]


def test_side_by_side_ranks_every_marketplace_with_facts(client, money_content):
    html = client.get("/en/money/?view=all&price=100").content.decode()
    table = html.split('class="ranking"')[1].split("</table>")[0]
    # Worst cases for $100 at the shipped 122.81: Freelancer.com 90 x 119.1257 = 10,721; Upwork (local
    # bank) 84.01 x 122.81 x 0.98 = 10,111; Fiverr 77 x 119.1257 = 9,173.
    assert table.index("Freelancer.com") < table.index("Upwork") < table.index("Fiverr")
    assert "৳10,721" in table and "৳10,111" in table and "৳9,173" in table
    assert "<svg" in html
    # The chart needs no script: the page's only scripts are its JSON-LD and the site-wide,
    # optional offline.js (deferred, from the site's own static files).
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert scripts, "the page's scripts were not found"
    assert all(
        'type="application/ld+json"' in tag or re.search(r'src="[^"]*/js/offline\.[^"]*js"', tag) for tag in scripts
    ), scripts


def test_reverse_lists_a_price_for_each_marketplace(client, money_content):
    html = client.get("/bn/money/?want=১০,০০০").content.decode()
    assert 'id="price-to-ask"' in html
    # Fiverr through bKash at the shipped 122.81: (10,000 / (122.81 x 0.97) + 3) / 0.8 = 108.681... -> $108.69.
    assert "$১০৮.৬৯" in html


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("m=fiverr&price=0", "price", "Enter an amount more than zero."),
        ("m=fiverr&price=-5", "price", "Enter an amount more than zero."),
        ("m=fiverr&price=abc", "price", "Enter a number"),
        ("m=fiverr&price=1000001", "price", "That is over 1,000,000 US dollars"),
        ("m=nosuch&price=10", "m", "We do not know that marketplace."),
        ("m=fiverr&route=upwork-local-bank&price=10", "route", "does not pay out that way"),
        ("m=fiverr&contract=hourly&price=10", "contract", "kinds of contract"),
        ("m=fiverr&rate=10", "hours", "Enter the number of hours too."),
        ("m=fiverr&rate=2000&hours=1000", "hours", "Rate times hours is over"),
        ("want=0", "want", "Enter an amount more than zero."),
        ("price=10", "m", "Choose a marketplace, or compare them all."),
    ],
)
def test_bad_input_gets_a_message_next_to_its_field(client, money_content, query, field, message):
    response = client.get(f"/en/money/?{query}")
    html = response.content.decode()
    assert response.status_code == 200
    error = html.split(f'id="{field}-error">')[1].split("</span>")[0]
    assert message in error.replace("&quot;", '"').replace("&#x27;", "'")
    assert 'id="answer-heading"' not in html


def test_marketplace_without_money_facts_is_named_as_unchecked(client, money_content):
    # A marketplace with no payout steps cannot be calculated: the reader is told so, by name.
    factories.marketplace(slug="no-money-facts", name_en="Unchecked Market")
    response = client.get("/en/money/?m=no-money-facts&price=10")
    html = response.content.decode()
    assert response.status_code == 200
    error = html.split('id="m-error">')[1].split("</span>")[0]
    assert "We have not checked the payout costs of Unchecked Market" in error
    assert 'id="answer-heading"' not in html


def test_bad_input_in_bangla_is_in_bangla_and_form_kept(client, money_content):
    html = client.get("/bn/money/?m=fiverr&price=১০০টা").content.decode()
    assert 'value="১০০টা"' in html
    error = html.split('id="price-error">')[1].split("</span>")[0]
    assert "সংখ্যা" in error


def test_commas_and_bangla_digits_are_read(client, money_content):
    plain = client.get("/en/money/?m=fiverr&route=payoneer-bkash&price=1250").content.decode()
    typed = client.get("/en/money/?m=fiverr&route=payoneer-bkash&price=১,২৫০").content.decode()
    assert plain.split("Taka in hand:")[1][:80] == typed.split("Taka in hand:")[1][:80]


def test_empty_calculator_is_indexable_and_in_the_sitemap(client, money_content):
    html = client.get("/bn/money/").content.decode()
    assert "noindex" not in html
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/bn/money/" in sitemap and "/en/money/" in sitemap


def test_stale_rate_shows_a_caution(client, money_content):
    ExchangeRate.objects.all().delete()
    ExchangeRate.objects.create(
        rate_on=datetime.date(2000, 1, 1), taka_per_dollar=D("100"), source_url="https://example.com/"
    )
    html = client.get("/en/money/").content.decode()
    assert "more than 30 days ago" in html
    assert list(ExchangeRate.objects.stale()) == list(ExchangeRate.objects.all())


def test_no_rate_no_500(client, money_content):
    ExchangeRate.objects.all().delete()
    response = client.get("/en/money/?m=fiverr&price=100")
    assert response.status_code == 200
    assert "No dollar rate has been entered yet" in response.content.decode()


def test_stale_fee_facts_are_listed_for_editors(money_content):
    step = PayoutStep.objects.get(slug="payoneer-bkash")
    step.checked_on = datetime.date(2020, 1, 1)
    step.save()
    assert list(PayoutStep.objects.stale()) == [step]
    assert not ContractTerms.objects.stale().exists()


def test_marketplace_page_and_compare_page_link_to_the_calculator(client, money_content):
    assert 'href="/bn/money/?m=fiverr"' in client.get("/bn/marketplaces/fiverr/").content.decode()
    assert 'href="/en/money/?view=all' in client.get("/en/marketplaces/compare/").content.decode()


# --- Entering the rate from a file ---------------------------------------------------------------


def test_import_exchange_rate_from_a_file(tmp_path, db):
    from django.core.management import call_command

    path = tmp_path / "rates.csv"
    path.write_text(
        "date,taka_per_dollar,source_url,note_en\n"
        "2026-11-20,122.45,https://www.bb.org.bd/,Bangladesh Bank\n"
        "2026-11-25,122.50,https://www.bb.org.bd/,\n"
    )
    call_command("import_exchange_rate", str(path), stdout=__import__("io").StringIO())
    newest = ExchangeRate.objects.latest_first().first()
    assert (newest.rate_on, newest.taka_per_dollar, newest.slug) == (
        datetime.date(2026, 11, 25),
        D("122.50"),
        "2026-11-25",
    )
    # Running it again updates, never duplicates.
    path.write_text("date,taka_per_dollar,source_url\n2026-11-25,123.00,https://www.bb.org.bd/\n")
    call_command("import_exchange_rate", str(path), stdout=__import__("io").StringIO())
    assert ExchangeRate.objects.count() == 2
    assert ExchangeRate.objects.get(rate_on=datetime.date(2026, 11, 25)).taka_per_dollar == D("123.00")


@pytest.mark.parametrize(
    "text",
    [
        "date,rate\n2026-11-25,122\n",
        "date,taka_per_dollar,source_url\n25/11/2026,122,https://x.example/\n",
        "date,taka_per_dollar,source_url\n2026-11-25,abc,https://x.example/\n",
        "date,taka_per_dollar,source_url\n2026-11-25,-1,https://x.example/\n",
        "date,taka_per_dollar,source_url\n2026-11-25,122,not a url\n",
    ],
)
def test_import_exchange_rate_refuses_a_bad_file_whole(tmp_path, db, text):
    from django.core.management import CommandError, call_command

    path = tmp_path / "rates.csv"
    path.write_text(text)
    with pytest.raises(CommandError):
        call_command("import_exchange_rate", str(path))
    assert not ExchangeRate.objects.exists()


# --- Lakh grouping, shared with every Bangla page (freelanceguide/locale_format.py) ---------------


@pytest.mark.parametrize(
    ("value", "places", "bn", "en"),
    [
        ("0", 0, "০", "0"),
        ("999", 0, "৯৯৯", "999"),
        ("1000", 0, "১,০০০", "1,000"),
        ("125000", 0, "১,২৫,০০০", "125,000"),
        ("1250000", 0, "১২,৫০,০০০", "1,250,000"),
        ("123456789", 0, "১২,৩৪,৫৬,৭৮৯", "123,456,789"),
        ("-125000", 0, "-১,২৫,০০০", "-125,000"),
        ("1234567.5", 2, "১২,৩৪,৫৬৭.৫০", "1,234,567.50"),
    ],
)
def test_amounts_group_by_lakh_in_bangla_and_by_thousands_in_english(value, places, bn, en):
    from freelanceguide.locale_format import format_amount

    assert format_amount(D(value), places, "bn") == bn
    assert format_amount(D(value), places, "en") == en
