"""The Markdown editor's two endpoints, for staff only.

markdownx's own views accept anonymous users, return unsanitised HTML and trust the client's
content type and file name, so the site mounts these instead: preview through the one
sanitising pipeline, and uploads accepted only when Pillow decodes them as JPEG, PNG or WebP.
"""

import uuid
import warnings
from functools import wraps

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpResponse, HttpResponseForbidden, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from PIL import Image

from freelanceguide.images import ALT_PLACEHOLDER, make_variants
from freelanceguide.markdown import render_markdown

# Pillow format name -> file extension stored.
ALLOWED_IMAGE_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


def staff_only(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        user = request.user
        if not (user.is_authenticated and user.is_active and user.is_staff):
            return HttpResponseForbidden(_("Only editors can use this."), content_type="text/plain; charset=utf-8")
        return view(request, *args, **kwargs)

    return wrapped


@require_POST
@staff_only
def markdownify(request):
    return HttpResponse(render_markdown(request.POST.get("content", "")), content_type="text/html; charset=utf-8")


class UploadRefused(Exception):
    pass


def _checked_image(upload):
    """The upload's bytes and extension, if it really is an allowed, sane image."""
    if upload.size > settings.EDITOR_UPLOAD_MAX_BYTES:
        raise UploadRefused(_("The image is larger than 2 MB."))
    data = upload.read()
    if len(data) > settings.EDITOR_UPLOAD_MAX_BYTES:
        raise UploadRefused(_("The image is larger than 2 MB."))
    try:
        with warnings.catch_warnings():
            # Pillow only warns about huge images below its hard limit; refuse them outright.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(ContentFile(data)) as probe:
                image_format = probe.format
                width, height = probe.size
                if image_format not in ALLOWED_IMAGE_FORMATS:
                    raise UploadRefused(_("Only JPEG, PNG and WebP images are accepted."))
                # Checked before decoding, so a small file that expands to a huge bitmap is refused.
                if width * height > settings.EDITOR_UPLOAD_MAX_PIXELS:
                    raise UploadRefused(_("The image has too many pixels."))
                probe.load()
    except UploadRefused:
        raise
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise UploadRefused(_("This file is not an image that can be read.")) from exc
    return data, ALLOWED_IMAGE_FORMATS[image_format]


@require_POST
@staff_only
def upload(request):
    upload_file = request.FILES.get("image")
    if upload_file is None:
        return JsonResponse({"image": [_("Choose an image to upload.")]}, status=400)
    try:
        data, extension = _checked_image(upload_file)
    except UploadRefused as refusal:
        return JsonResponse({"image": [str(refusal)]}, status=400)
    name = default_storage.save(f"{settings.MARKDOWNX_MEDIA_PATH}{uuid.uuid4().hex}.{extension}", ContentFile(data))
    # The original is kept; phones get the WebP copies through srcset (images.py).
    make_variants(name, data)
    # A placeholder the editor must replace: saving refuses it as alt text (MarkdownPage.clean).
    return JsonResponse({"image_code": f"![{ALT_PLACEHOLDER}]({default_storage.url(name)})"})
