"""The money page's one entry point: the request's GET values in, what the template shows out.

Reads the facts (four queries: marketplaces, their contract terms, every payout step, the
newest dollar rate), checks the reader's input (money_form), runs the arithmetic (money) and
returns the forward answer, the side-by-side ranking or the reverse prices, with the sources
and cautions for every fact used.
"""

from dataclasses import dataclass, field, fields

from django.db.models import Prefetch
from django.utils.translation import get_language, gettext

from freelanceguide.models import shown_language

from . import money
from .models import ContractTerms, ExchangeRate, Marketplace, PayoutStep
from .money_form import MoneyForm


@dataclass
class Route:
    """A way home from one marketplace: its withdrawal, then maybe one onward step."""

    slug: str
    name: str
    steps: list  # PayoutStep rows, in order

    def facts(self):
        return [_step_facts(step) for step in self.steps]


@dataclass
class Answer:
    marketplace: Marketplace
    route: Route
    terms: ContractTerms
    result: money.Result
    sources: list = field(default_factory=list)


def _step_facts(step):
    """The arithmetic's view of a payout step: money.Step's fields are the model's own names."""
    names = [f.name for f in fields(money.Step) if f.name not in ("key", "name")]
    return money.Step(key=step.slug, name=step.name, **{name: getattr(step, name) for name in names})


def marketplace_fee(marketplace, terms):
    return money.Fee(
        marketplace.freelancer_fee_min, marketplace.freelancer_fee_max, terms.minimum_fee_usd if terms else None
    )


def build_routes(marketplaces, steps):
    """{marketplace slug: {route slug: Route}} for routes that end in taka, in position order."""
    onward = {}
    for step in steps:
        if step.marketplace_id is None:
            onward.setdefault(step.method_id, []).append(step)
    routes = {}
    for marketplace in marketplaces:
        found = {}
        for step in steps:
            if step.marketplace_id != marketplace.pk:
                continue
            for route_steps in [[step, after] for after in onward.get(step.method_id, [])] or [[step]]:
                if any(s.spread_percent is not None for s in route_steps):
                    last = route_steps[-1]
                    found[last.slug] = Route(last.slug, last.name, route_steps)
        if found:
            routes[marketplace.slug] = found
    return routes


def load_facts():
    marketplaces = list(
        Marketplace.objects.published()
        .without_bodies()
        .prefetch_related(Prefetch("contract_terms", queryset=ContractTerms.objects.order_by("position", "pk")))
    )
    steps = list(PayoutStep.objects.order_by("position", "pk"))
    rate = ExchangeRate.objects.latest_first().first()
    return marketplaces, steps, rate


def _sources(marketplace, terms, route, rate):
    """(what, its language, source, checked on, stale?) for every fact the answer used."""
    reader = get_language()
    rows = [
        (
            marketplace.name,
            shown_language(marketplace, "name"),
            marketplace.fee_source_url,
            marketplace.facts_checked_on,
            marketplace.facts_are_stale,
        )
    ]
    if terms is not None:
        rows.append((terms.get_kind_display(), reader, terms.source_url, terms.checked_on, terms.is_stale))
    rows += [
        (step.name, shown_language(step, "name"), step.source_url, step.checked_on, step.is_stale)
        for step in route.steps
    ]
    rows.append((None, reader, rate.source_url, rate.rate_on, rate.is_stale))
    return rows


def answer(marketplace, route, terms, gross, rate):
    result = money.forward(
        gross,
        marketplace_fee(marketplace, terms),
        money.Terms(terms.clearance_days_min, terms.clearance_days_max) if terms else money.Terms(0, 0),
        route.facts(),
        rate.taka_per_dollar,
    )
    return Answer(marketplace, route, terms, result, _sources(marketplace, terms, route, rate))


def side_by_side(marketplaces, routes, gross, rate):
    """Every marketplace with money facts, on its cheapest route, most taka in hand first."""
    rows = []
    for marketplace in marketplaces:
        if marketplace.slug not in routes:
            continue
        terms = next(iter(marketplace.contract_terms.all()), None)
        options = [
            (route, answer(marketplace, route, terms, gross, rate)) for route in routes[marketplace.slug].values()
        ]
        # Most taka in the costliest case, then in the cheapest, then the fewest days.
        rows.append(max(options, key=lambda pair: _rank(pair[1].result))[1])
    rows.sort(key=lambda row: _rank(row.result), reverse=True)
    top = rows[0].result.taka.high if rows else 0
    for row in rows:
        # Bar widths in percent of the best case of the best marketplace (the chart's scale).
        row.bar_low = round(row.result.taka.low / top * 100, 1) if top else 0
        row.bar_high = round(row.result.taka.high / top * 100, 1) if top else 0
    return rows


def _rank(result):
    return (result.taka.low, result.taka.high, -result.days.high)


def reverse_prices(marketplaces, routes, want, rate):
    """The price to ask on each marketplace (its cheapest route) to have `want` taka in hand."""
    rows = []
    for marketplace in marketplaces:
        if marketplace.slug not in routes:
            continue
        terms = next(iter(marketplace.contract_terms.all()), None)
        fee = marketplace_fee(marketplace, terms)
        options = [
            (money.reverse(want, fee, route.facts(), rate.taka_per_dollar), route)
            for route in routes[marketplace.slug].values()
        ]
        price, route = min(options, key=lambda pair: (pair[0].high, pair[0].low))
        rows.append({"marketplace": marketplace, "route": route, "price": price})
    rows.sort(key=lambda row: (row["price"].high, row["price"].low))
    return rows


def money_page(params):
    marketplaces, steps, rate = load_facts()
    routes = build_routes(marketplaces, steps)
    by_slug = {m.slug: m for m in marketplaces if m.slug in routes}
    terms = {m.slug: {t.kind: t for t in m.contract_terms.all()} for m in by_slug.values()}
    keys = ("m", "contract", "route", "price", "rate", "hours", "view", "want")
    names = {m.slug: m.name for m in marketplaces}
    form = MoneyForm(params if any(k in params for k in keys) else None, by_slug, routes, terms, names)
    for marketplace in by_slug.values():
        marketplace.money_routes = list(routes[marketplace.slug].values())
    context = {
        "form": form,
        "contract_kinds": ContractTerms.KINDS,
        "marketplaces": list(by_slug.values()),
        "without_facts": [m for m in marketplaces if m.slug not in routes],
        "rate": rate,
        "chosen": None,
    }
    if rate is None or not form.is_bound:
        return context
    valid = form.is_valid()
    data = form.cleaned_data
    context["chosen"] = data.get("m")
    if not valid:
        return context
    gross = data.get("price")
    if data.get("want") is not None:
        context["reverse"] = reverse_prices(by_slug.values(), routes, data["want"], rate)
        context["want"] = data["want"]
    if gross is not None and data.get("view") == "all":
        context["ranking"] = side_by_side(by_slug.values(), routes, gross, rate)
    elif gross is not None and data.get("m") is not None and data.get("route") is not None:
        context["answer"] = answer(data["m"], data["route"], data.get("contract"), gross, rate)
    elif gross is not None and data.get("m") is None:
        form.add_error("m", gettext("Choose a marketplace, or compare them all."))
    return context
