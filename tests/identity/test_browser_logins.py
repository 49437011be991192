"""The OA and Beijing Pass logins in a real headless Chromium, from a page on another origin.

The page (served by the test on its own loopback port, an origin listed in the test settings'
HDT_LOGIN_RETURN_ORIGINS) sends the browser to our authorize URL; the browser goes through the
emulator's page at phone width, our callback, and back to the page, whose script trades the
login ticket for tokens with fetch (CORS, a preflight) and reads /me with the access token.
Selenium drives Debian's chromium and chromium-driver (tests/support/browser.py: skipped without
them unless HDT_REQUIRE_BROWSER is set).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from aiohttp import web
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from models.users import User
from tests import backends
from tests.support.browser import headless_chromium

pytestmark = backends.embedded_pass_only

PHONE_WINDOW = (390, 844)
# How long one step may take on a loaded machine before the test gives up (not a measurement).
STEP_SECONDS = 30

PAGE = """<!doctype html><html lang=zh-CN><meta charset=utf-8>
<meta name=viewport content="width=device-width, initial-scale=1"><title>H5 登录</title>
<a id=oa href="__API__/api/v1/auth/wechat/oa/authorize?scope=snsapi_userinfo&return_url=__BACK__">微信登录</a>
<a id=bjpass href="__API__/api/v1/auth/beijing-pass/authorize?return_url=__BACK__">北京通登录</a>
<pre id=result></pre>
<script>
const result = document.getElementById('result')
const finish = (state, body) => { result.textContent = JSON.stringify(body); result.dataset.state = state }
const params = new URLSearchParams(location.search)
if (params.get('login_error')) finish('error', {login_error: params.get('login_error')})
if (params.get('login_ticket')) {
  fetch('__API__/api/v1/auth/login-tickets/exchange', {method: 'POST',
      headers: {'content-type': 'application/json'},
      body: JSON.stringify({ticket: params.get('login_ticket')})})
    .then(r => r.json())
    .then(tokens => fetch('__API__/api/v1/me', {headers: {authorization: 'Bearer ' + tokens.access_token}})
      .then(r => r.json().then(me => finish('logged-in', {tokens, me, request_id: r.headers.get('x-request-id')}))))
    .catch(error => finish('failed', {error: String(error)}))
}
</script>"""


@pytest.fixture
async def browser() -> AsyncIterator[WebDriver]:
    """A headless Chromium at phone size with a fresh profile (no cookies)."""
    async with headless_chromium(PHONE_WINDOW) as driver:
        yield driver


@pytest.fixture
async def front_end(app, ports) -> AsyncIterator[str]:
    """The H5 page, served on a loopback port of its own: another origin than the API's."""
    origin = f"http://127.0.0.1:{ports['front_end']}"
    page = PAGE.replace("__API__", app.ctx.base_url).replace("__BACK__", origin + "/")

    async def index(request: web.Request) -> web.Response:
        return web.Response(text=page, content_type="text/html")

    site_app = web.Application()
    site_app.router.add_get("/", index)
    runner = web.AppRunner(site_app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", ports["front_end"]).start()
    yield origin
    await runner.cleanup()


def in_browser(driver: WebDriver, steps: Callable[[WebDriver], None]) -> Any:
    """Run ``steps`` in the browser, then wait for the page's result and return it."""
    steps(driver)
    WebDriverWait(driver, STEP_SECONDS).until(
        lambda d: d.find_element(By.ID, "result").get_attribute("data-state"))
    result = driver.find_element(By.ID, "result")
    return {"state": result.get_attribute("data-state"), "url": driver.current_url,
            **json.loads(result.text)}


def fits_the_phone(driver: WebDriver) -> bool:
    """No sideways scrolling: the page is laid out for the window's width."""
    return driver.execute_script(
        "return document.documentElement.scrollWidth <= window.innerWidth")


def click(driver: WebDriver, by: str, value: str) -> None:
    WebDriverWait(driver, STEP_SECONDS).until(lambda d: d.find_elements(by, value))
    driver.find_element(by, value).click()


async def test_oa_login_from_another_origin_ends_with_tokens(browser, front_end, wechat):
    pages_fit: list[bool] = []

    def steps(driver: WebDriver) -> None:
        driver.get(front_end + "/")
        click(driver, By.ID, "oa")
        WebDriverWait(driver, STEP_SECONDS).until(lambda d: "微信授权" in d.title)
        pages_fit.append(fits_the_phone(driver))
        click(driver, By.PARTIAL_LINK_TEXT, "lisi")

    result = await asyncio.to_thread(in_browser, browser, steps)
    assert result["state"] == "logged-in", result
    assert result["url"].startswith(front_end + "/?login_ticket=")
    assert result["tokens"]["subject_kind"] == "resident"
    assert result["me"]["display_name"] == "李四"
    assert result["request_id"]  # X-Request-ID is exposed to the page
    assert pages_fit == [True]
    assert await User.all().count() == 1


async def test_beijing_pass_login_of_a_made_up_person_ends_with_tokens(browser, front_end, bjpass):
    pages_fit: list[bool] = []

    def steps(driver: WebDriver) -> None:
        driver.get(front_end + "/")
        click(driver, By.ID, "bjpass")
        WebDriverWait(driver, STEP_SECONDS).until(lambda d: "北京通" in d.title)
        pages_fit.append(fits_the_phone(driver))
        driver.find_element(By.NAME, "name").send_keys("赵六")
        driver.find_element(By.NAME, "id_number").send_keys("110108199001011234")
        driver.find_element(By.NAME, "phone").send_keys("13900001234")
        driver.find_element(By.NAME, "new").find_element(By.XPATH, "..").find_element(
            By.TAG_NAME, "button").click()

    result = await asyncio.to_thread(in_browser, browser, steps)
    assert result["state"] == "logged-in", result
    assert result["me"]["realname_verified"] is True
    assert result["me"]["real_name_masked"] == "赵*"
    assert result["me"]["id_number_masked"] == "1101**********1234"
    assert pages_fit == [True]


@pytest.mark.parametrize(("link", "title", "deny", "code"), [
    ("bjpass", "北京通", (By.CSS_SELECTOR, "button.deny"), "BEIJING_PASS_DENIED"),
    ("oa", "微信授权", (By.CSS_SELECTOR, "a.deny"), "WECHAT_DENIED"),
], ids=["beijing_pass", "wechat_oa"])
async def test_denying_returns_to_the_page_with_the_error(browser, front_end, wechat, bjpass,
                                                          link, title, deny, code):
    def steps(driver: WebDriver) -> None:
        driver.get(front_end + "/")
        click(driver, By.ID, link)
        WebDriverWait(driver, STEP_SECONDS).until(lambda d: title in d.title)
        click(driver, *deny)

    result = await asyncio.to_thread(in_browser, browser, steps)
    assert result == {"state": "error", "url": f"{front_end}/?login_error={code}", "login_error": code}
    assert await User.all().count() == 0
