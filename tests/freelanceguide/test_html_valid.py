"""Every kind of reader page, in both languages, passes the Nu HTML Checker (vnu.jar) with no error.

The pages are rendered by Django's test client, written to a temporary folder and checked in one
JVM start (starting Java costs seconds; checking a page costs milliseconds).
"""

import json
import subprocess
from pathlib import Path

from tests.checkers import JAVA, ROOT, VNU_JAR, add_page_variants, require, require_npm_checker

PAGES = [  # (path, expected status)
    ("/{lang}/", 200),
    ("/{lang}/guides/", 200),
    ("/{lang}/guides/what-is-freelancing/", 200),
    ("/{lang}/skills/", 200),
    ("/{lang}/skills/?phone=on&difficulty=beginner", 200),
    ("/{lang}/skills/?difficulty=nonsense", 200),
    ("/{lang}/skills/web-design/", 200),
    ("/{lang}/marketplaces/", 200),
    ("/{lang}/marketplaces/upwork/", 200),
    ("/{lang}/marketplaces/compare/?m=upwork&m=fiverr", 200),
    ("/{lang}/marketplaces/compare/?m=upwork&m=fiverr&m=guru", 200),
    ("/{lang}/marketplaces/compare/?m=upwork&m=fiverr&m=freelancer-com&m=guru", 200),
    ("/{lang}/marketplaces/compare/?m=upwork&m=nosuch", 200),
    ("/{lang}/marketplaces/compare/", 200),
    ("/{lang}/money/", 200),
    ("/{lang}/money/?m=fiverr&route=payoneer-bkash&price=100", 200),
    ("/{lang}/money/?m=freelancer-com&contract=fixed&price=30", 200),
    ("/{lang}/money/?view=all&price=100", 200),
    ("/{lang}/money/?want=10000", 200),
    ("/{lang}/money/?m=nosuch&price=-1&rate=x&want=0", 200),
    ("/{lang}/guides/no-such-guide/", 404),
    ("/{lang}/learn/", 200),
    ("/{lang}/learn/?free=1&women=1", 200),
    ("/{lang}/learn/?free=nonsense", 200),
    ("/{lang}/learn/dyd-freelancing-48-districts/", 200),
    ("/{lang}/learn/her-power/", 200),
    ("/{lang}/glossary/", 200),
    ("/{lang}/glossary/escrow/", 200),
    ("/{lang}/glossary/connects/", 200),
    ("/{lang}/glossary/no-such-term/", 404),
    ("/{lang}/questions/", 200),
    ("/{lang}/questions/ask/", 200),
    ("/{lang}/questions/ask/?next=/bn/guides/freelancing-from-a-phone/", 200),
    ("/{lang}/questions/start-with-only-a-phone/", 200),
    ("/{lang}/questions/no-such-question/", 404),
    ("/{lang}/search/", 200),
    ("/{lang}/search/?q=%E0%A6%AB%E0%A6%BE%E0%A6%87%E0%A6%AD%E0%A6%BE%E0%A6%B0", 200),  # ফাইভার
    ("/{lang}/search/?q=%3Cb%3Eweb%3C%2Fb%3E+design", 200),
    ("/{lang}/search/?q=zzzz", 200),
    ("/{lang}/path/", 200),
    ("/{lang}/path/?device=phone&english=little&budget=none&like=writing&net=mobile", 200),
    ("/{lang}/path/?device=own&english=comfortable&hours=over20&budget=more&like=tech&like=design", 200),
    ("/{lang}/path/?device=tablet&zz=1", 200),
    ("/{lang}/offline/", 200),
    ("/{lang}/search/?q=protarona", 200),  # with the checks' box
    ("/{lang}/offer-check/", 200),
    ("/{lang}/account-check/", 200),
    ("/{lang}/account-check/?m=upwork&a=household-accounts&a=vpn", 200),
    ("/{lang}/account-check/?a=nonsense", 400),
    ("/{lang}/proposal-check/", 200),
]
# The checks' answers and form errors, which a reader reaches by posting.
POSTED = [  # (path, data, expected status)
    ("/{lang}/offer-check/", {"message": "Telegram e join korun, like korle 500 taka <b>income</b>"}, 200),
    ("/{lang}/offer-check/", {"message": "x" * 5001}, 400),
    ("/{lang}/proposal-check/", {"proposal": "Dear Sir, I have read your job description, WhatsApp 01711223344"}, 200),
    ("/{lang}/proposal-check/", {"kind": "gig", "proposal": "I will design your logo\n" + "Clean logos. " * 100}, 200),
]


def test_every_reader_page_is_valid_html(client, shipped_content, tmp_path):
    require(JAVA, "java is not installed (apt-get install -y default-jre-headless); the HTML checker needs it")
    require_npm_checker(VNU_JAR)
    pages = {path.format(lang=lang): status for path, status in PAGES for lang in ("bn", "en")}
    pages.update({path.format(lang=lang): 200 for path in add_page_variants() for lang in ("bn", "en")})
    files, pages_html = {}, {}
    posted = [(path.format(lang=lang), data, status) for path, data, status in POSTED for lang in ("bn", "en")]
    requests = [(url, None, status) for url, status in pages.items()] + posted
    for number, (url, data, status) in enumerate(requests):
        response = client.get(url) if data is None else client.post(url, data)
        assert response.status_code == status, (url, response.status_code)
        url = url if data is None else f"{url} (posted {number})"
        file = tmp_path / f"page-{number}.html"
        file.write_bytes(response.content)
        pages_html[url] = response.content.decode()
        files[str(file)] = url
    assert 'class="notice"' in pages_html["/en/guides/only-bangla/"]
    assert "version of this page was updated on" in pages_html["/en/guides/behind-in-english/"]
    assert 'class="caution"' in pages_html["/bn/marketplaces/guru/"]
    css = ROOT / "static" / "css" / "site.css"
    # A control: a known error checked in the same run, so the test cannot pass by not looking.
    control = tmp_path / "control.html"
    control.write_text('<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><img src="x"></body></html>')

    result = subprocess.run(
        [
            JAVA,
            "-jar",
            str(VNU_JAR),
            "--format",
            "json",
            "--exit-zero-always",
            "--also-check-css",
            *files,
            str(css),
            str(control),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    messages = json.loads(result.stderr)["messages"]
    assert any(m["type"] == "error" and m["url"].endswith("/control.html") for m in messages), messages
    messages = [m for m in messages if not m["url"].endswith("/control.html")]
    problems = [
        f"{files.get(Path(m['url'].removeprefix('file:')).as_posix(), m['url'])}:{m.get('lastLine', '?')}: "
        f"{m.get('subType', m['type'])}: {m['message']} [{m.get('extract', '').strip()}]"
        for m in messages
        if m["type"] != "info"
    ]
    assert problems == [], "\n".join(problems)
