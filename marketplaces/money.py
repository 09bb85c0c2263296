"""From a dollar price to taka in hand, and back: pure Decimal arithmetic, no database.

The facts come in as plain values (`Fee`, `Step`, `Terms`); `marketplaces/money_page.py` reads
them from the database and shapes the page. Every amount is a `Span` (low, high): where a fee
is a range (Upwork's 0-15%, Payoneer's 2-3%), `low` is the worst case for the freelancer's
pocket and `high` the best case, so the taka in hand is a range too.

The rounding rule (one, shown to readers): arithmetic is exact (Decimal, 28 digits); an amount
is rounded only when it is shown, to the cent for dollars and to the whole taka for taka, halves
up. A price to ask (the reverse) is rounded up to the next cent, so it never falls short.
"""

from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
TAKA = Decimal("1")
HUNDRED = Decimal("100")
ZERO = Decimal("0")


def round_usd(value):
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def round_taka(value):
    return value.quantize(TAKA, rounding=ROUND_HALF_UP)


def round_price_up(value):
    return value.quantize(CENT, rounding=ROUND_CEILING)


@dataclass(frozen=True)
class Span:
    """A money amount or a number of days that may be a range: low <= high."""

    low: Decimal
    high: Decimal

    @classmethod
    def of(cls, low, high=None):
        low = Decimal(low)
        high = low if high is None else Decimal(high)
        return cls(min(low, high), max(low, high))

    @property
    def is_range(self):
        return self.low != self.high

    def __add__(self, other):
        return Span(self.low + other.low, self.high + other.high)


def _percent(value):
    return Decimal(value) / HUNDRED


@dataclass(frozen=True)
class Fee:
    """A marketplace's fee on the price: a percent range, with an optional smallest fee."""

    percent_min: Decimal
    percent_max: Decimal
    minimum_usd: Decimal | None = None


@dataclass(frozen=True)
class Step:
    """One payout step's costs (see models.PayoutStep); percents are percent, not fractions."""

    key: str
    name: str
    fixed_fee_usd: Decimal = ZERO
    fixed_fee_usd_max: Decimal | None = None
    percent_fee: Decimal = ZERO
    percent_fee_max: Decimal | None = None
    spread_percent: Decimal | None = None
    spread_percent_max: Decimal | None = None
    minimum_usd: Decimal | None = None
    minimum_bdt: Decimal | None = None
    maximum_bdt: Decimal | None = None
    days_min: int = 0
    days_max: int = 0
    incentive: str = "none"
    incentive_percent: Decimal | None = None

    @property
    def converts(self):
        return self.spread_percent is not None

    def fixed(self):
        return Span.of(self.fixed_fee_usd, self.fixed_fee_usd_max)

    def percent(self):
        return Span.of(self.percent_fee, self.percent_fee_max)

    def spread(self):
        return Span.of(
            self.spread_percent or ZERO, self.spread_percent_max if self.spread_percent is not None else None
        )


@dataclass(frozen=True)
class Terms:
    """How long the marketplace holds the money for this kind of contract."""

    clearance_days_min: int
    clearance_days_max: int


@dataclass
class Line:
    """One line of the answer: what a step takes (in dollars or taka) and what is left."""

    kind: str  # "fee", "withdrawal", "transfer", "conversion", "incentive"
    name: str
    cost_usd: Span | None = None
    cost_bdt: Span | None = None
    left_usd: Span | None = None
    left_bdt: Span | None = None
    notes: list = field(default_factory=list)


@dataclass
class Result:
    gross_usd: Span
    lines: list
    taka: Span
    days: Span
    incentive: str  # "none", "unconfirmed" (shown, not added) or "confirmed" (added)
    problems: list  # ("below_minimum_usd", step, minimum) ... the reader must know


class NoConversion(ValueError):
    """A route that never turns dollars into taka cannot give taka in hand."""


def check_route(steps):
    if not any(step.converts for step in steps):
        raise NoConversion([step.key for step in steps])


def _after_step(amount, step):
    """Dollars left after a step's fixed and percent fees (worst case uses the larger fees)."""
    fixed, percent = step.fixed(), step.percent()
    worst = amount.low - fixed.high - amount.low * _percent(percent.high)
    best = amount.high - fixed.low - amount.high * _percent(percent.low)
    return Span(worst, best)


def _marketplace_fee(gross, fee):
    def one(amount, percent):
        taken = amount * _percent(percent)
        if fee.minimum_usd is not None:
            taken = max(taken, fee.minimum_usd)
        return min(taken, amount)

    return Span(one(gross.low, fee.percent_min), one(gross.high, fee.percent_max))


def forward(gross_usd, fee, terms, steps, taka_per_dollar):
    """Every deduction from a price in dollars to the taka in hand, and the days until usable.

    `steps` is the route: the marketplace's withdrawal, then any onward step; one of them (or
    both, then the spreads add up) converts to taka at the reference rate less its spread.
    """
    check_route(steps)
    gross = gross_usd if isinstance(gross_usd, Span) else Span.of(gross_usd)
    rate = Decimal(taka_per_dollar)
    problems = []
    taken = _marketplace_fee(gross, fee)
    left = Span(gross.low - taken.high, gross.high - taken.low)
    lines = [Line("fee", "marketplace", cost_usd=taken, left_usd=left)]
    spread = Span.of(0)
    for step in steps:
        if step.minimum_usd is not None and left.low < step.minimum_usd:
            problems.append(("below_minimum_usd", step, step.minimum_usd))
        after = _after_step(left, step)
        cost = Span.of(max(left.low - after.low, ZERO), max(left.high - after.high, ZERO))
        after = Span(max(after.low, ZERO), max(after.high, ZERO))
        lines.append(Line("withdrawal" if step is steps[0] else "transfer", step.name, cost_usd=cost, left_usd=after))
        left = after
        if step.converts:
            spread = spread + step.spread()
    at_rate = Span(left.low * rate, left.high * rate)
    taka = Span(at_rate.low * (1 - _percent(spread.high)), at_rate.high * (1 - _percent(spread.low)))
    lines.append(
        Line(
            "conversion",
            "conversion",
            cost_bdt=Span.of(at_rate.low - taka.low, at_rate.high - taka.high),
            left_bdt=taka,
        )
    )
    last = steps[-1]
    for step in steps:
        if step.minimum_bdt is not None and taka.low < step.minimum_bdt:
            problems.append(("below_minimum_bdt", step, step.minimum_bdt))
        if step.maximum_bdt is not None and taka.high > step.maximum_bdt:
            problems.append(("over_maximum_bdt", step, step.maximum_bdt))
    incentive = last.incentive
    if incentive == "confirmed" and last.incentive_percent:
        extra = Span(taka.low * _percent(last.incentive_percent), taka.high * _percent(last.incentive_percent))
        taka = taka + extra
        lines.append(Line("incentive", last.name, cost_bdt=extra, left_bdt=taka))
    elif incentive == "unconfirmed":
        lines.append(Line("incentive", last.name))
    days = Span.of(terms.clearance_days_min, terms.clearance_days_max) + Span.of(
        sum(step.days_min for step in steps), sum(step.days_max for step in steps)
    )
    return Result(gross, lines, taka, days, incentive, problems)


def _before_step(left, step, worst):
    """The dollars needed before a step so that `left` remains after it."""
    fixed = step.fixed().high if worst else step.fixed().low
    percent = step.percent().high if worst else step.percent().low
    return (left + fixed) / (1 - _percent(percent))


def _before_fee(left, fee, worst):
    percent = _percent(fee.percent_max if worst else fee.percent_min)
    gross = left / (1 - percent)
    if fee.minimum_usd is not None and gross * percent < fee.minimum_usd:
        gross = left + fee.minimum_usd
    return gross


def reverse(taka_wanted, fee, steps, taka_per_dollar):
    """The price to ask so that `taka_wanted` is in hand: (worst-case price, best-case price).

    The worst case assumes every range at its costliest: ask that much to be sure. Confirmed
    incentives count; unconfirmed ones do not. Rounded up to the cent.
    """
    check_route(steps)
    rate = Decimal(taka_per_dollar)
    prices = []
    for worst in (True, False):
        spread = sum(((step.spread().high if worst else step.spread().low) for step in steps if step.converts), ZERO)
        taka = Decimal(taka_wanted)
        last = steps[-1]
        if last.incentive == "confirmed" and last.incentive_percent:
            taka = taka / (1 + _percent(last.incentive_percent))
        dollars = taka / (rate * (1 - _percent(spread)))
        for step in reversed(steps):
            dollars = _before_step(dollars, step, worst)
        prices.append(round_price_up(_before_fee(dollars, fee, worst)))
    return Span(prices[1], prices[0])
