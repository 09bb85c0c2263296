"""The marketplaces shipped in marketplaces/content/ (see freelanceguide.content)."""

from pathlib import Path

from freelanceguide.content import Child, ContentDir, aliases, translated

from .models import Marketplace, PaymentMethod, Payout

CONTENT = ContentDir(Path(__file__).parent / "content")


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
