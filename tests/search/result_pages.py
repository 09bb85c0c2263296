"""What the search tests read from a results page, and the letters they type."""

import re

YA_PRECOMPOSED, YA_NUKTA = "\u09df", "\u09af\u09bc"


ZWJ, ZWNJ = "\u200d", "\u200c"


def result_links(response):
    """The result links in page order (skips header, breadcrumbs and pagination)."""
    page = response.content.decode()
    results = page.split('<section class="search-group"', 1)
    return re.findall(r'<li class="card">\s*<a href="([^"]+)"', results[1]) if len(results) > 1 else []


def group_headings(response):
    return re.findall(r'<h2 id="group-\d+">([^<]+)</h2>', response.content.decode())


def expanded_notice(response):
    found = re.search(r'<p class="notice search-expanded">(.*?)</p>', response.content.decode(), re.S)
    return re.sub(r"\s+", " ", found.group(1)).strip() if found else None
