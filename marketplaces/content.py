"""The marketplaces shipped in marketplaces/content/ (see editorial.content)."""

from decimal import Decimal
from pathlib import Path

from editorial.content import Child, ContentDir, aliases, translated

from .models import ContractTerms, ExchangeRate, Marketplace, PaymentMethod, Payout, PayoutStep

CONTENT = ContentDir(Path(__file__).parent / "content")
MONEY_FILE = "_money.toml"
TERMS_FIELDS = ("kind", "clearance_days_min", "clearance_days_max", "minimum_fee_usd", "source_url", "checked_on")
STEP_FIELDS = (
    "method",
    "fixed_fee_usd",
    "fixed_fee_usd_max",
    "percent_fee",
    "percent_fee_max",
    "spread_percent",
    "spread_percent_max",
    "minimum_usd",
    "minimum_bdt",
    "maximum_bdt",
    "days_min",
    "days_max",
    "incentive",
    "incentive_percent",
    "source_url",
    "checked_on",
)


def load(loader):
    for method in CONTENT.table("_payment_methods.toml", "method"):
        loader.sync(
            PaymentMethod, method["slug"], {"position": method["position"], **translated(method, "name", "summary")}
        )
    for item in CONTENT.items():
        ways = set(item.get("win_by", []))
        payouts = [
            {
                "method": payout["method"],
                "fee_usd": payout.get("fee_usd"),
                "wait_days_min": payout.get("wait_days_min"),
                "wait_days_max": payout.get("wait_days_max"),
                **translated(payout, "note"),
            }
            for payout in item.get("payouts", [])
        ]
        loader.sync(
            Marketplace,
            item["slug"],
            {
                "website": item["website"],
                "position": item.get("position", 0),
                "highlighted": item.get("highlighted", False),
                "search_aliases": aliases(item),
                "english_needed": item["english_needed"],
                "wins_by_gig": "gig" in ways,
                "wins_by_proposal": "proposal" in ways,
                "wins_by_contest": "contest" in ways,
                "wins_by_hourly": "hourly" in ways,
                "freelancer_fee_min": item["freelancer_fee_min"],
                "freelancer_fee_max": item["freelancer_fee_max"],
                "client_fee_min": item["client_fee_min"],
                "client_fee_max": item["client_fee_max"],
                "fee_source_url": item["fee_source_url"],
                "facts_checked_on": item["facts_checked_on"],
                **translated(item, "name", "summary", "fee_note", "pros", "cons", "body"),
            },
            m2m={"skills": item.get("skills", [])},
            children={"payouts": Child(Payout, "marketplace", payouts)},
        )
    load_money(loader)


def _exact(values):
    """TOML floats as the decimals written in the file (0.99, not 0.98999999999999999112)."""
    return {name: Decimal(str(value)) if isinstance(value, float) else value for name, value in values.items()}


def load_money(loader):
    """The calculator's facts, each row its own item (so editors' changes to one are kept)."""
    for rate in CONTENT.table(MONEY_FILE, "rate"):
        fields = {name: rate[name] for name in ("rate_on", "taka_per_dollar", "source_url")}
        loader.sync(ExchangeRate, str(rate["rate_on"]), _exact({**fields, **translated(rate, "note")}))
    markets = set(Marketplace.objects.values_list("slug", flat=True))
    for position, terms in enumerate(CONTENT.table(MONEY_FILE, "terms"), start=1):
        if terms["marketplace"] not in markets:
            loader.warn(f"money terms {terms['slug']}: no marketplace '{terms['marketplace']}'")
            continue
        fields = {name: terms.get(name) for name in TERMS_FIELDS}
        fields.update(marketplace=terms["marketplace"], position=position, **translated(terms, "note"))
        loader.sync(ContractTerms, terms["slug"], _exact(fields))
    for position, step in enumerate(CONTENT.table(MONEY_FILE, "step"), start=1):
        fields = {name: step[name] for name in STEP_FIELDS if name in step}
        if "marketplace" in step:
            if step["marketplace"] not in markets:
                loader.warn(f"payout step {step['slug']}: no marketplace '{step['marketplace']}'")
                continue
            fields["marketplace"] = step["marketplace"]
        fields.update(position=position, **translated(step, "name", "note"))
        loader.sync(PayoutStep, step["slug"], _exact(fields))
