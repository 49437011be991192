"""A headless Chromium for tests (Selenium driving Debian's chromium and chromium-driver).

Without them a test is skipped, unless HDT_REQUIRE_BROWSER is set (CI sets it, so a missing
browser fails there).
"""

from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.remote.webdriver import WebDriver


def browser_binaries() -> tuple[str, str] | None:
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    return (chromium, driver) if chromium and driver else None


@asynccontextmanager
async def headless_chromium(window: tuple[int, int]) -> AsyncIterator[WebDriver]:
    """A headless Chromium of ``window`` size with a fresh profile (no cookies)."""
    binaries = browser_binaries()
    if binaries is None:
        if os.environ.get("HDT_REQUIRE_BROWSER"):
            pytest.fail("HDT_REQUIRE_BROWSER is set but chromium or chromedriver is missing "
                        "(apt-get install chromium chromium-driver)")
        pytest.skip("chromium and chromium-driver are not installed")
    chromium, chromedriver = binaries
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     f"--window-size={window[0]},{window[1]}"):
        options.add_argument(argument)
    # Selenium calls block: they run in a thread, so the servers on this loop keep answering.
    driver = await asyncio.to_thread(webdriver.Chrome, options=options, service=Service(chromedriver))
    try:
        yield driver
    finally:
        await asyncio.to_thread(driver.quit)
