"""Numbers and dates the way each language's readers write them.

Bangla pages use Bangla digits (১২৩) and Bangla month names; Django's `bn` formats keep
ASCII digits, so this module is the one place that does it. URLs, form values and
machine-readable attributes keep ASCII digits: only call this for text people read.
"""

from decimal import Decimal

from django.utils.translation import get_language

BANGLA_DIGITS = "০১২৩৪৫৬৭৮৯"
TO_BANGLA = str.maketrans("0123456789", BANGLA_DIGITS)
TO_ASCII = str.maketrans(BANGLA_DIGITS, "0123456789")
BANGLA_MONTHS = [
    "জানুয়ারি", "ফেব্রুয়ারি", "মার্চ", "এপ্রিল", "মে", "জুন",
    "জুলাই", "আগস্ট", "সেপ্টেম্বর", "অক্টোবর", "নভেম্বর", "ডিসেম্বর",
]  # fmt: skip
ENGLISH_MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip


def _language(language):
    return (language or get_language() or "bn")[:2]


def localize_digits(value, language=None):
    text = str(value)
    return text.translate(TO_BANGLA) if _language(language) == "bn" else text


def to_ascii_digits(text):
    """Bangla digits typed by a reader (a page number, a search) back to ASCII for parsing."""
    return str(text).translate(TO_ASCII)


def format_number(value, language=None):
    """A number for reading: no trailing decimal zeros, thousands grouped, local digits."""
    if value is None or value == "":
        return ""
    if isinstance(value, Decimal | float):
        value = Decimal(str(value)).normalize()
        text = f"{value:,f}"
    else:
        text = f"{int(value):,}"
    return localize_digits(text, language)


def format_range(low, high, language=None):
    if low is None or high is None or low == high:
        return format_number(high if low is None else low, language)
    return f"{format_number(low, language)}–{format_number(high, language)}"


def format_date(value, language=None):
    if not value:
        return ""
    lang = _language(language)
    months = BANGLA_MONTHS if lang == "bn" else ENGLISH_MONTHS
    return localize_digits(f"{value.day} {months[value.month - 1]} {value.year}", lang)


def group_thousands(digits, language=None):
    """ASCII digits of a whole number, grouped the way the language's readers group them.

    English: 1,250,000 (groups of three). Bangla: ১২,৫০,০০০ (lakh and crore: the last three
    digits, then groups of two), in Bangla digits.
    """
    sign, digits = ("-", digits[1:]) if digits.startswith("-") else ("", digits)
    if _language(language) == "bn":
        head, groups = digits[:-3], [digits[-3:]]
        while head:
            groups.insert(0, head[-2:])
            head = head[:-2]
        grouped = ",".join(groups)
    else:
        grouped = f"{int(digits):,}"
    return localize_digits(sign + grouped, language)


def format_amount(value, places=0, language=None):
    """A money amount for reading: `places` decimals exactly (rounded by the caller), grouped
    by the language's custom (lakh on Bangla pages), in the language's digits."""
    text = f"{Decimal(value):.{places}f}"
    whole, _dot, fraction = text.partition(".")
    grouped = group_thousands(whole, language)
    return f"{grouped}.{localize_digits(fraction, language)}" if fraction else grouped
