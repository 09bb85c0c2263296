"""Images fit for readers: alt text required in each language, WebP copies with srcset."""

import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from freelanceguide.images import VARIANT_WIDTHS, images_without_alt
from freelanceguide.markdown import render_markdown
from tests import factories

pytestmark = pytest.mark.django_db
UPLOAD = "/markdownx/upload/"


def png(width=1600, height=900):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "teal").save(buffer, format="PNG")
    return buffer.getvalue()


def upload(staff_client, data):
    response = staff_client.post(UPLOAD, {"image": SimpleUploadedFile("photo.png", data, content_type="image/png")})
    assert response.status_code == 200
    code = response.json()["image_code"]
    return code, re.search(r"\((/media/(uploads/[0-9a-f]{32})\.png)\)", code).groups()


def test_upload_keeps_the_original_and_stores_smaller_webp_copies(staff_client):
    _code, (url, stem) = upload(staff_client, png(1600, 900))
    assert default_storage.exists(f"{stem}.png")
    for width in VARIANT_WIDTHS:
        name = f"{stem}-{width}w.webp"
        assert default_storage.exists(name) == (width < 1600)
        if width < 1600:
            with default_storage.open(name) as file, Image.open(file) as copy:
                assert copy.format == "WEBP" and copy.size == (width, round(900 * width / 1600))


def test_a_small_upload_gets_no_copies_larger_than_itself(staff_client):
    _code, (_url, stem) = upload(staff_client, png(400, 300))
    assert default_storage.exists(f"{stem}-360w.webp")
    assert not default_storage.exists(f"{stem}-480w.webp")


def test_pages_serve_the_copies_with_srcset_sizes_width_and_height(staff_client, client):
    _code, (url, stem) = upload(staff_client, png(1600, 900))
    guide = factories.guide(slug="pictured", body_en=f"![A laptop on a desk]({url})")
    tag = re.search(r"<img[^>]*>", guide.body_html_en).group(0)
    assert 'width="1600" height="900"' in tag
    assert 'alt="A laptop on a desk"' in tag
    assert f"/media/{stem}-360w.webp 360w" in tag and f"/media/{stem}-1440w.webp 1440w" in tag
    assert f"{url} 1600w" in tag and 'sizes="' in tag and 'loading="lazy"' in tag
    # The copies are served.
    response = client.get(f"/media/{stem}-480w.webp")
    assert response.status_code == 200
    assert client.get("/en/guides/pictured/").content.decode().count("srcset=") == 1


def test_an_image_without_alt_text_is_refused_naming_the_image():
    guide = factories.guide(body_en="![](/media/uploads/" + "a" * 32 + ".png)", body_bn="কোনো ছবি নেই।")
    with pytest.raises(ValidationError) as refused:
        guide.full_clean()
    errors = refused.value.message_dict
    assert set(errors) == {"body_en"}
    assert "/media/uploads/" + "a" * 32 + ".png" in errors["body_en"][0]
    assert "alt text" in errors["body_en"][0]


def test_the_upload_placeholder_counts_as_no_alt_text(staff_client):
    code, _paths = upload(staff_client, png(100, 100))
    assert images_without_alt(render_markdown(code))
    assert images_without_alt(render_markdown("![ছবিতে কী আছে লিখুন](/x.png)"))
    assert images_without_alt(render_markdown("![describe what the image shows](/x.png)"))
    assert not images_without_alt(render_markdown("![একটি ল্যাপটপ](/x.png)"))


def test_each_language_needs_its_own_alt_text():
    image = "/media/uploads/" + "b" * 32 + ".png"
    guide = factories.guide(body_en=f"![A laptop]({image})", body_bn=f"![]({image})")
    with pytest.raises(ValidationError) as refused:
        guide.full_clean()
    assert set(refused.value.message_dict) == {"body_bn"}
    guide.body_bn = f"![একটি ল্যাপটপ]({image})"
    guide.full_clean()


def test_the_admin_refuses_to_save_an_image_without_alt_text(staff_client):
    guide = factories.guide(slug="with-image")
    image = "/media/uploads/" + "c" * 32 + ".png"
    data = {
        "slug": "with-image",
        "title_bn": guide.title_bn,
        "title_en": guide.title_en,
        "topic": guide.topic.pk,
        "body_bn": "লেখা।",
        "body_en": f"Text.\n\n![]({image})",
        "published": "on",
    }
    response = staff_client.post(f"/admin/guides/guide/{guide.pk}/change/", data)
    assert response.status_code == 200  # the form again, with the error
    assert image in response.content.decode()
    guide.refresh_from_db()
    assert image not in guide.body_en
