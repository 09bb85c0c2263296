"""The checks' editors' data shipped in checks/content/ (see editorial.content)."""

from pathlib import Path

from editorial.content import Child, ContentDir, translated
from guides.models import Guide
from marketplaces.models import Marketplace

from .models import AccountRisk, AccountRule, AppealRoute, RedFlag

CONTENT = ContentDir(Path(__file__).parent / "content")
SOURCE_COLUMNS = ("source_name", "source_url", "checked_on", "uncertain")


def load(loader):
    guides = set(Guide.objects.values_list("slug", flat=True))
    marketplaces = set(Marketplace.objects.values_list("slug", flat=True))
    load_red_flags(loader, guides)
    load_account_risks(loader, guides, marketplaces)
    load_appeal_routes(loader, marketplaces)


def _guide(loader, key, item, guides):
    """The item's guide field, or None when its guide is not there yet (the item is skipped)."""
    guide = item.get("guide")
    if guide and guide not in guides:
        loader.warn(f"{key}:{item['slug']}: skipped, no guide with slug '{guide}' yet")
        return None
    return {"guide": guide} if guide else {}


def _sourced(item):
    return {column: item.get(column, False if column == "uncertain" else "") for column in SOURCE_COLUMNS}


def load_red_flags(loader, guides):
    for item in CONTENT.table("red_flags.toml", "flag"):
        guide = _guide(loader, "checks.redflag", item, guides)
        if guide is None:
            continue
        loader.sync(
            RedFlag,
            item["slug"],
            {
                "position": item.get("position", 0),
                "weight": item["weight"],
                "phrases": item.get("phrases", "").strip(),
                "course_offer": item.get("course_offer", False),
                **guide,
                **translated(item, "title", "question", "why", "advice"),
            },
        )


def load_account_risks(loader, guides, marketplaces):
    for item in CONTENT.table("account_risks.toml", "risk"):
        guide = _guide(loader, "checks.accountrisk", item, guides)
        if guide is None:
            continue
        rules = []
        for rule in item.get("rule", []):
            if rule["marketplace"] not in marketplaces:
                loader.warn(f"checks.accountrisk:{item['slug']}: rule skipped, no marketplace '{rule['marketplace']}'")
                continue
            rules.append({"marketplace": rule["marketplace"], **_sourced(rule), **translated(rule, "rule")})
        loader.sync(
            AccountRisk,
            item["slug"],
            {"position": item.get("position", 0), **guide, **translated(item, "title", "question", "why", "advice")},
            children={"rules": Child(AccountRule, "risk", rules)},
        )


def load_appeal_routes(loader, marketplaces):
    for item in CONTENT.table("account_risks.toml", "appeal"):
        if item["marketplace"] not in marketplaces:
            loader.warn(f"checks.appealroute:{item['marketplace']}: skipped, no such marketplace")
            continue
        loader.sync(
            AppealRoute,
            item["marketplace"],
            {"marketplace": item["marketplace"], **_sourced(item), **translated(item, "route")},
        )
