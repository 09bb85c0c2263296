"""The Markdown editor's endpoints: staff only, sanitised preview, only real JPEG/PNG/WebP uploads."""

import io
import re

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from freelanceguide.images import alt_placeholders

pytestmark = pytest.mark.django_db

PREVIEW = "/markdownx/markdownify/"
UPLOAD = "/markdownx/upload/"


def image_bytes(fmt="PNG", size=(8, 8)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "teal").save(buffer, format=fmt)
    return buffer.getvalue()


def test_anonymous_preview_is_refused_even_with_a_self_set_csrf_token():
    client = Client(enforce_csrf_checks=True)
    token = "a" * 32
    client.cookies["csrftoken"] = token
    response = client.post(PREVIEW, {"content": "# hi", "csrfmiddlewaretoken": token}, HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 403
    assert b"<h1>" not in response.content


def test_anonymous_upload_is_refused_even_with_a_self_set_csrf_token():
    client = Client(enforce_csrf_checks=True)
    token = "b" * 32
    client.cookies["csrftoken"] = token
    upload = SimpleUploadedFile("x.png", image_bytes(), content_type="image/png")
    response = client.post(UPLOAD, {"image": upload, "csrfmiddlewaretoken": token}, HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 403


def test_logged_in_non_staff_users_are_refused(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("reader", password="pw-reader-123"))
    assert client.post(PREVIEW, {"content": "x"}).status_code == 403


def test_endpoints_live_outside_the_language_prefix(staff_client):
    assert staff_client.post("/bn/markdownx/markdownify/", {"content": "x"}).status_code == 404


def test_get_is_not_allowed(staff_client):
    assert staff_client.get(PREVIEW).status_code == 405


def test_staff_preview_is_sanitised_by_the_same_pipeline(staff_client):
    response = staff_client.post(
        PREVIEW, {"content": "## Title\n\n<script>alert(1)</script>[x](javascript:alert(2)) <b onclick='y()'>b</b>"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h2 id="h-title">Title</h2>' in html
    assert "<script" not in html and "javascript:" not in html and "onclick" not in html


def test_a_real_png_is_stored_under_a_random_name(staff_client):
    upload = SimpleUploadedFile("my holiday.png", image_bytes(), content_type="image/png")
    response = staff_client.post(UPLOAD, {"image": upload})
    assert response.status_code == 200
    code = response.json()["image_code"]
    placeholder, name = re.fullmatch(r"!\[([^\]]+)\]\(/media/(uploads/[0-9a-f]{32}\.png)\)", code).groups()
    assert default_storage.exists(name)
    # The alt text is a placeholder to fill in: saving a page with it is refused.
    assert placeholder.casefold() in alt_placeholders()


@pytest.mark.parametrize(("fmt", "extension"), [("JPEG", "jpg"), ("WEBP", "webp")])
def test_jpeg_and_webp_are_accepted_with_the_extension_of_their_real_format(staff_client, fmt, extension):
    upload = SimpleUploadedFile("photo.gif", image_bytes(fmt), content_type="image/gif")
    response = staff_client.post(UPLOAD, {"image": upload})
    assert response.status_code == 200
    assert response.json()["image_code"].endswith(f".{extension})")


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("page.html", b"<html><script>alert(1)</script></html>", "image/gif"),
        ("notes.txt", b"just text", "image/png"),
        ("x.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "image/svg+xml"),
    ],
)
def test_non_images_and_svg_are_refused(staff_client, name, content, content_type):
    response = staff_client.post(UPLOAD, {"image": SimpleUploadedFile(name, content, content_type=content_type)})
    assert response.status_code == 400
    assert "image" in response.json()


def test_gif_is_refused_even_though_it_is_a_real_image(staff_client):
    upload = SimpleUploadedFile("a.gif", image_bytes("GIF"), content_type="image/gif")
    assert staff_client.post(UPLOAD, {"image": upload}).status_code == 400


def test_files_over_2_mb_are_refused(staff_client):
    big = image_bytes() + b"\0" * (2 * 1024 * 1024)
    response = staff_client.post(UPLOAD, {"image": SimpleUploadedFile("big.png", big, content_type="image/png")})
    assert response.status_code == 400


def test_a_decompression_bomb_is_refused_before_decoding(staff_client):
    # A tiny file that declares a 10,000 x 10,000 bitmap.
    bomb = image_bytes("PNG", size=(10_000, 10_000))
    assert len(bomb) < 2 * 1024 * 1024
    response = staff_client.post(UPLOAD, {"image": SimpleUploadedFile("bomb.png", bomb, content_type="image/png")})
    assert response.status_code == 400


def test_a_truncated_image_is_refused(staff_client):
    broken = image_bytes("PNG", size=(64, 64))[:80]
    response = staff_client.post(UPLOAD, {"image": SimpleUploadedFile("cut.png", broken, content_type="image/png")})
    assert response.status_code == 400


def test_a_missing_file_gets_a_clear_error(staff_client):
    response = staff_client.post(UPLOAD, {})
    assert response.status_code == 400


def test_an_uploaded_image_is_served_back(staff_client, client):
    upload = SimpleUploadedFile("x.png", image_bytes(), content_type="image/png")
    url = re.search(r"\((/media/[^)]+)\)", staff_client.post(UPLOAD, {"image": upload}).json()["image_code"]).group(1)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert client.get("/media/../settings.py").status_code == 404
