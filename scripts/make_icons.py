"""Make the app icons from one source image: `.venv/bin/python scripts/make_icons.py`.

static/icons/source.png (square, at least 512 px, the book kept inside the middle 80 % so a
maskable icon's circle or squircle never cuts it) gives every size the manifest and browsers
ask for. Run it again after changing the source, and commit the results.
"""

from pathlib import Path

from PIL import Image

ICONS = Path(__file__).resolve().parent.parent / "static" / "icons"
# 192 and 512: Chrome's install prompt and splash screen; 180: iOS home screen.
SIZES = {"icon-192.png": 192, "icon-512.png": 512, "apple-touch-icon.png": 180}


def main():
    source = Image.open(ICONS / "source.png").convert("RGB")
    for name, size in SIZES.items():
        source.resize((size, size), Image.Resampling.LANCZOS).save(ICONS / name, optimize=True)
        print(ICONS / name)


if __name__ == "__main__":
    main()
