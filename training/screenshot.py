"""A picture of a review page as a browser shows it (Debian's Chromium, headless).

    python -m training.screenshot OUT/review/DOC_ID.html docs/review.png [--width 1100 --height 1300]

Used by the browser test and to make the README's picture. Nothing is fetched:
Chromium runs with a fresh profile and without its background services.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
from pathlib import Path

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--hide-scrollbars"]


def browser() -> str | None:
    """The Chromium command on this machine that runs, if any (Ubuntu's `chromium-browser` may be a
    stub that asks for snap and exits with an error)."""
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path and subprocess.run([path, "--version"], capture_output=True, timeout=60).returncode == 0:
            return path
    return None


def screenshot(page: Path, png: Path, width: int = 1100, height: int = 1300, timeout: float = 60) -> None:
    """Save what a browser window of `width` x `height` shows of `page`; raises if Chromium is missing or fails."""
    command = browser()
    if command is None:
        raise FileNotFoundError("chromium is not installed (make chromium)")
    with tempfile.TemporaryDirectory(prefix="decrees-chromium-") as profile:
        subprocess.run([command, *FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}",
                        f"--screenshot={png.resolve()}", page.resolve().as_uri()],
                       check=True, capture_output=True, timeout=timeout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", type=Path)
    parser.add_argument("png", type=Path)
    parser.add_argument("--width", type=int, default=1100)
    parser.add_argument("--height", type=int, default=1300)
    args = parser.parse_args()
    screenshot(args.page, args.png, args.width, args.height)


if __name__ == "__main__":
    main()
