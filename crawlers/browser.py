"""The system Chromium (Debian's; browser downloads are impossible here) and how every part launches it:
the etp-js spider through scrapy-playwright, and the browser tests and benchmarks through Playwright."""

from __future__ import annotations

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    # Without these, Chromium keeps trying to reach Google's hosts, which this network refuses.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def launch_options() -> dict[str, object]:
    """Keyword arguments for ``playwright`` ``chromium.launch`` (and ``PLAYWRIGHT_LAUNCH_OPTIONS``)."""
    return {"executable_path": CHROMIUM, "headless": True, "args": list(CHROMIUM_ARGS)}
