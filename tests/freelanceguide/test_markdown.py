"""The one Markdown pipeline: sanitised output, Bangla-safe table of contents, reading time."""

import re

from freelanceguide.markdown import heading_slug, reading_minutes, render_document, render_markdown


def test_script_tags_and_their_content_are_removed():
    html = render_markdown("Hello <script>alert('x')</script> world")
    assert "<script" not in html
    assert "alert" not in html
    assert "Hello" in html and "world" in html


def test_event_handler_attributes_are_removed():
    html = render_markdown('<img src="/a.png" onerror="alert(1)"> <a href="/x" onclick="steal()">x</a>')
    assert "onerror" not in html
    assert "onclick" not in html
    assert 'src="/a.png"' in html


def test_javascript_and_data_urls_are_removed():
    html = render_markdown(
        "[click](javascript:alert(1)) [js2](JaVaScRiPt:alert(2)) ![i](data:image/png;base64,AAAA) [d](data:text/html,hi)"
    )
    assert "javascript" not in html.lower()
    assert "data:" not in html


def test_inline_styles_and_style_tags_are_removed():
    html = render_markdown('<p style="position:fixed">x</p><style>body{display:none}</style>')
    assert "style" not in html
    assert "display:none" not in html


def test_safe_links_keep_their_url_and_get_rel():
    html = render_markdown("[Upwork](https://www.upwork.com/) [mail](mailto:help@example.org) [guide](/bn/guides/x/)")
    assert 'href="https://www.upwork.com/"' in html
    assert 'href="mailto:help@example.org"' in html
    assert 'href="/bn/guides/x/"' in html
    assert 'rel="noopener noreferrer"' in html


def test_iframes_forms_and_objects_are_removed():
    html = render_markdown(
        '<iframe src="https://evil.example"></iframe><form action="/x"><input></form><object></object>'
    )
    assert not re.search(r"<(iframe|form|input|object)", html)


def test_bangla_headings_keep_their_letters_and_the_toc_links_match():
    rendered = render_document("## অংশ ১: কী লাগবে?\n\nলেখা\n\n### কম্পিউটার\n\n## Second part", "bn")
    ids = re.findall(r'<h[23] id="([^"]+)"', rendered.html)
    assert ids == ["h-অংশ-১-কী-লাগবে", "h-কম্পিউটার", "h-second-part"]
    links = re.findall(r'href="#([^"]+)"', rendered.toc_html)
    assert links == ids


def test_heading_slug_keeps_vowel_signs_and_virama():
    assert heading_slug("মুক্ত পেশা") == "মুক্ত-পেশা"


def test_toc_escapes_heading_text():
    rendered = render_document("## Fees & <b>costs</b>", "en")
    assert "<b>" not in rendered.toc_html
    assert "Fees &amp;" in rendered.toc_html


def test_reading_time_depends_on_words_and_language():
    assert reading_minutes("", "en") == 0
    assert reading_minutes("word " * 10, "en") == 1
    assert reading_minutes("word " * 401, "en") == 3
    assert reading_minutes("শব্দ " * 301, "bn") == 3


def test_uploaded_images_get_their_width_and_height():
    import io

    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from PIL import Image

    from freelanceguide.markdown import render_document

    buffer = io.BytesIO()
    Image.new("RGB", (640, 360), "white").save(buffer, "PNG")
    name = default_storage.save(f"uploads/{'a' * 32}.png", ContentFile(buffer.getvalue()))
    body = render_document(
        f"![A chart](/media/{name})\n\n![gone](/media/uploads/{'b' * 32}.png)\n\n![elsewhere](/static/x.png)", "en"
    ).html
    assert f'<img alt="A chart" src="/media/{name}" width="640" height="360">' in body
    # Nothing to measure: left as written (the CSP blocks other hosts' images anyway).
    assert f'<img alt="gone" src="/media/uploads/{"b" * 32}.png">' in body
    assert '<img alt="elsewhere" src="/static/x.png">' in body
    assert render_markdown(f'<img src="/media/{name}" alt="" width="10" height="5">').count("width=") == 1
