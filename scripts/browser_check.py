#!/usr/bin/env python3
"""Walk Agora's HTML pages in headless Chromium, as a person would.

Run by scripts/test against a live `agora serve --demo` server; it can also be
run by hand:

    AGORA_URL=http://localhost:8080 python3 scripts/browser_check.py

Why a real browser: the unit tests check handlers one request at a time; this
checks what only a browser exercises together — Secure session cookies
(Chromium treats http://localhost as a secure context, so AGORA_URL must use
`localhost`, not 127.0.0.1), redirects after POST, the Accept-Language driven
default locale, console errors from our own markup/scripts, and the layout at a
phone width.

Environment:
  AGORA_URL          base URL of the server (required), e.g. http://localhost:8080
  AGORA_SCREENSHOTS  folder for PNG screenshots (default: a new temp folder)

Prints one line per check and ends with exactly one line
`browser: N passed, M failed`; exits 1 if any check failed.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sys
import tempfile
import time
import traceback
import urllib.request
from dataclasses import dataclass, field

# Selenium Manager would try to download a browser/driver; there is no
# internet here and we pass explicit paths anyway.
os.environ.setdefault("SE_OFFLINE", "true")

from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import (  # noqa: E402
    StaleElementReferenceException,
    TimeoutException,
    WebDriverException,
)
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

WAIT_SECONDS = 15
# (width, height, mobile emulation). The phone size uses mobile emulation so
# the page's <meta name=viewport> is honoured, as on a real phone.
SIZES = [(360, 800, True), (1280, 900, False)]
PHONE_WIDTH = 360
PASSWORD = "correct horse battery"


class CheckFailed(Exception):
    pass


@dataclass
class Walker:
    base: str
    shots: str
    driver: webdriver.Chrome
    passed: int = 0
    failed: int = 0
    shot_index: int = 0
    # page name -> documentElement.scrollWidth measured at PHONE_WIDTH
    phone_widths: dict[str, int] = field(default_factory=dict)

    # -- helpers ---------------------------------------------------------

    def url(self, path: str) -> str:
        return self.base.rstrip("/") + path

    def css(self, selector: str):
        return self.driver.find_elements(By.CSS_SELECTOR, selector)

    def one(self, selector: str):
        found = self.css(selector)
        if not found:
            raise CheckFailed(f"no element matches {selector!r} on {self.driver.current_url}")
        return found[0]

    def wait_for(self, selector: str):
        try:
            return WebDriverWait(self.driver, WAIT_SECONDS).until(
                EC.presence_of_element_located((By.CSS_SELECTOR, selector))
            )
        except TimeoutException:
            raise CheckFailed(
                f"timed out after {WAIT_SECONDS}s waiting for {selector!r} on {self.driver.current_url}"
            ) from None

    def wait_loaded(self) -> None:
        WebDriverWait(self.driver, WAIT_SECONDS).until(
            lambda d: d.execute_script("return document.readyState") == "complete"
        )

    def html_lang(self) -> str:
        return self.driver.execute_script("return document.documentElement.getAttribute('lang') || ''")

    def console_errors(self) -> list[str]:
        """SEVERE browser-console entries since the last call (reading clears them)."""
        entries = self.driver.get_log("browser")
        return [f"{e.get('source', '?')}: {e.get('message', '')}" for e in entries if e.get("level") == "SEVERE"]

    def assert_no_console_errors(self) -> None:
        errors = self.console_errors()
        if errors:
            raise CheckFailed("browser console has SEVERE entries:\n    " + "\n    ".join(errors))

    def settle(self) -> None:
        """Wait for two animation frames so layout and paint reflect the latest viewport."""
        self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "requestAnimationFrame(() => requestAnimationFrame(() => done(true)));"
        )

    def set_viewport(self, width: int, height: int, mobile: bool) -> None:
        # CDP device metrics give an exact viewport; window sizes in headless
        # Chromium don't map 1:1 onto the viewport.
        self.driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile},
        )
        self.settle()

    def capture(self, name: str) -> None:
        """Screenshot the current page at every size; record its width at phone size."""
        self.shot_index += 1
        for width, height, mobile in SIZES:
            self.set_viewport(width, height, mobile)
            path = os.path.join(self.shots, f"{self.shot_index:02d}-{name}-{width}x{height}.png")
            self.driver.save_screenshot(path)
            if width == PHONE_WIDTH:
                self.phone_widths[name] = int(
                    self.driver.execute_script("return document.documentElement.scrollWidth")
                )
        # Interact with the page in the plain desktop window, not an emulated
        # viewport: clicks after a mobile-emulation zoom can miss their target.
        self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        self.settle()

    def visit(self, path: str, name: str) -> None:
        self.driver.get(self.url(path))
        self.wait_loaded()
        self.capture(name)
        self.assert_no_console_errors()

    def submit(self, form_selector: str) -> None:
        """Click the form's submit button and wait until the next page has loaded."""
        form = self.one(form_selector)
        buttons = form.find_elements(By.CSS_SELECTOR, "button[type=submit]")
        if not buttons:
            raise CheckFailed(f"{form_selector} has no button[type=submit]")
        self.click(buttons[0], form)

        def form_is_gone(_driver) -> bool:
            # Chromedriver reports a replaced page either as a stale element or, at times, as
            # "Node with given id does not belong to the document": both mean the new page is here.
            try:
                form.is_enabled()
                return False
            except StaleElementReferenceException:
                return True
            except WebDriverException as exc:
                if "does not belong to the document" in (exc.msg or ""):
                    return True
                raise

        try:
            WebDriverWait(self.driver, WAIT_SECONDS).until(form_is_gone)
        except TimeoutException:
            raise CheckFailed(f"submitting {form_selector} did not load a new page") from None
        self.wait_loaded()

    def click(self, button, form) -> None:
        """Click like a person. Chromedriver occasionally reports "Node with given
        id does not belong to the document" right after a viewport change
        (seen when the page overflowed the phone width); retry a few times,
        unless the first click already started the navigation."""
        for attempt in range(3):
            try:
                button.click()
                return
            except StaleElementReferenceException:
                return  # the page is already being replaced: the click landed
            except WebDriverException as exc:
                if attempt == 2:
                    raise
                print(f"  (click retried after: {exc.msg})", flush=True)
                time.sleep(0.5)
                self.settle()
                try:
                    form.is_enabled()
                except StaleElementReferenceException:
                    return

    def fill(self, form_selector: str, values: dict[str, str]) -> None:
        form = self.one(form_selector)
        for name, value in values.items():
            inputs = form.find_elements(By.CSS_SELECTOR, f'[name="{name}"]')
            if not inputs:
                raise CheckFailed(f"{form_selector} has no field named {name!r}")
            inputs[0].clear()
            inputs[0].send_keys(value)

    def expect_signed_in(self, handle: str) -> None:
        el = self.wait_for("[data-testid=signed-in-as]")
        if handle not in el.text:
            raise CheckFailed(f"[data-testid=signed-in-as] reads {el.text!r}, expected it to contain {handle!r}")

    def expect_signed_out(self) -> None:
        if self.css("[data-testid=signed-in-as]"):
            raise CheckFailed(f"still shows [data-testid=signed-in-as] on {self.driver.current_url}")

    def run(self, name: str, fn) -> None:
        try:
            fn()
        except Exception as exc:  # noqa: BLE001 - report every kind of failure the same way
            self.failed += 1
            print(f"FAIL {name}: {exc if isinstance(exc, CheckFailed) else repr(exc)}", flush=True)
            if not isinstance(exc, CheckFailed):
                traceback.print_exc()
            try:
                print(f"  at {self.driver.current_url}", flush=True)
                source = self.driver.page_source
                print("  page source (first 2000 chars):\n" + source[:2000], flush=True)
                leftover = self.console_errors()
                if leftover:
                    print("  console errors:\n    " + "\n    ".join(leftover), flush=True)
                self.capture(f"FAIL-{name}")
            except Exception as inner:  # noqa: BLE001
                print(f"  (could not collect page details: {inner!r})", flush=True)
        else:
            self.passed += 1
            print(f"ok   {name}", flush=True)


def make_driver() -> webdriver.Chrome:
    chromium = shutil.which("chromium")
    chromedriver = shutil.which("chromedriver")
    if not chromium or not chromedriver:
        sys.exit("browser_check: chromium and chromedriver must be on PATH (apt-get install chromium chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in (
        "--headless=new",
        "--no-sandbox",  # we run as root in CI
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--lang=fr-FR",  # the default locale must follow Accept-Language
        "--window-size=1280,900",
    ):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"intl.accept_languages": "fr-FR,fr"})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(options=options, service=Service(executable_path=chromedriver))


def main() -> int:
    base = os.environ.get("AGORA_URL")
    if not base:
        print("browser_check: set AGORA_URL, e.g. http://localhost:8080", file=sys.stderr)
        return 2
    shots = os.environ.get("AGORA_SCREENSHOTS") or tempfile.mkdtemp(prefix="agora-screenshots-")
    os.makedirs(shots, exist_ok=True)
    print(f"browser: screenshots in {shots}", flush=True)

    handle = "walker" + "".join(random.choice("0123456789") for _ in range(8))
    email = f"{handle}@example.org"

    driver = make_driver()
    w = Walker(base=base, shots=shots, driver=driver)
    try:
        w.console_errors()  # discard anything logged before the first page

        def home():
            w.visit("/", "home")
            lang = w.html_lang()
            if lang.split("-")[0].lower() != "fr":
                raise CheckFailed(f"home <html lang> is {lang!r}; expected 'fr' for Accept-Language fr-FR")
            w.expect_signed_out()

        def register():
            w.visit("/register", "register")
            w.fill("form#register-form", {"handle": handle, "email": email, "password": PASSWORD})
            w.submit("form#register-form")
            w.expect_signed_in(handle)
            w.capture("registered")
            w.assert_no_console_errors()

        def logout():
            w.submit("form#logout-form")
            w.expect_signed_out()
            w.capture("logged-out")
            w.assert_no_console_errors()

        def login():
            w.visit("/login", "login")
            w.fill("form#login-form", {"login": handle, "password": PASSWORD})
            w.submit("form#login-form")
            w.expect_signed_in(handle)
            w.capture("logged-in")
            w.assert_no_console_errors()

        def settings_locale():
            w.visit("/settings", "settings")
            select = w.one("form#settings-form select[name=locale]")
            values = [o.get_attribute("value") for o in Select(select).options]
            for wanted in ("", "fr", "en"):
                if wanted not in values:
                    raise CheckFailed(f"select[name=locale] options are {values!r}; missing {wanted!r}")
            Select(select).select_by_value("en")
            w.submit("form#settings-form")
            lang = w.html_lang()
            if lang.split("-")[0].lower() != "en":
                raise CheckFailed(f"after choosing English <html lang> is {lang!r}; expected 'en'")
            flash = w.wait_for("[data-testid=flash]")
            if not flash.is_displayed():
                raise CheckFailed("[data-testid=flash] is present but not visible")
            w.capture("settings-saved")
            w.assert_no_console_errors()

        def language_switch():
            if not w.css("form#language-form"):
                raise CheckFailed(f"no footer language switch form#language-form on {w.driver.current_url}")

        def logout_again():
            w.submit("form#logout-form")
            w.expect_signed_out()
            w.assert_no_console_errors()

        def search_without_accents():
            w.visit("/search?q=telephone", "search")
            names = [el.text for el in w.css("[data-testid=results] li a strong")]
            if not names or not any("Téléphone" in name for name in names):
                raise CheckFailed(f"searching 'telephone' found {names!r}; expected names with 'Téléphone'")

        def search_form_sorts_by_price():
            w.fill("form#search-form", {"q": "eco"})
            # With results shown, the filters are folded away: open them as a person would.
            if w.one("form#search-form details.filters").get_attribute("open") is None:
                w.one("form#search-form details.filters summary").click()
            Select(w.one("form#search-form select[name=sort]")).select_by_value("price")
            w.submit("form#search-form")
            totals = []
            for el in w.css("[data-testid=results] .total"):
                digits = el.text.split(" ", 1)[1].replace("\u202f", "").replace("\xa0", "").replace(" ", "")
                totals.append(float(digits.replace("€", "").replace(",", ".")))
            if len(totals) < 2 or totals != sorted(totals):
                raise CheckFailed(f"'eco' by price gave totals {totals!r}; expected at least two, ascending")
            w.capture("search-by-price")
            w.assert_no_console_errors()

        product_path = {}

        def product_page():
            link = w.one("[data-testid=results] li a")
            product_path["path"] = link.get_attribute("href").removeprefix(base.rstrip("/"))
            w.driver.get(link.get_attribute("href"))
            w.wait_loaded()
            w.wait_for("[data-testid=best-offer]")
            if not w.css("svg.price-chart"):
                raise CheckFailed("the product page has no price-history chart")
            w.capture("product")
            w.assert_no_console_errors()

        def alert_and_near_home():
            w.visit("/login", "login-alice")
            w.fill("form#login-form", {"login": "alice", "password": "demo-password-alice"})
            w.submit("form#login-form")
            w.expect_signed_in("alice")
            w.visit("/search?near=home&sort=distance", "near-home")
            nearest = [el.text for el in w.css("[data-testid=results] .nearest")]
            if not nearest or "Paris" not in nearest[0]:
                raise CheckFailed(f"near home (Paris) the nearest stores read {nearest[:3]!r}")
            w.driver.get(w.one("[data-testid=results] li a").get_attribute("href"))
            w.wait_loaded()
            w.fill("form#alert-form", {"target": "1"})
            w.submit("form#alert-form")
            state = w.wait_for("[data-testid=alert-state]")
            if "1,00" not in state.text:
                raise CheckFailed(f"the alert reads {state.text!r}; expected the 1,00 € target")
            w.visit("/notifications", "notifications")
            w.wait_for("[data-testid=unread-count]")

        def deals_and_ranking():
            w.visit("/deals", "deals")
            w.wait_for("nav.tabs a[aria-current]")
            w.visit("/about/ranking", "about-ranking")
            if "log10" not in w.one("article.prose").text:
                raise CheckFailed("the about-ranking page does not state the hot formula")

        def api(path: str, body: dict, token: str | None = None) -> dict:
            headers = {"Content-Type": "application/json"}
            if token:
                headers["Authorization"] = f"Bearer {token}"
            request = urllib.request.Request(base.rstrip("/") + path, json.dumps(body).encode(), headers)
            return json.load(urllib.request.urlopen(request, timeout=10))

        deal_path = {}

        def post_a_deal():
            w.visit("/deals/new", "deal-new")
            w.fill("form#deal-form", {
                "title": f"Bouilloire inox à −30 % ({handle})", "price": "24,90", "referencePrice": "35,90",
                "merchant": "Boutique du marché", "description": "Posted by the browser walk.",
            })
            w.submit("form#deal-form")
            w.wait_for("article.deal")
            if "/deals/" not in w.driver.current_url or not w.css("p.notice"):
                raise CheckFailed(f"posting the form landed on {w.driver.current_url} without a notice")
            deal_path["path"] = w.driver.current_url.split("?")[0].removeprefix(base.rstrip("/"))
            w.visit(deal_path["path"], "deal")

        def live_comment_and_badge():
            badge = w.one("[data-testid=unread-badge]")
            before = int(badge.get_attribute("data-live-unread") or "0")
            # bruno comments through the API while alice's page is open: it appears without a reload.
            token = api("/api/v1/sessions", {"login": "bruno", "password": "demo-password-bruno"})["token"]
            deal_id = deal_path["path"].rsplit("/", 1)[-1]
            text = f"Live comment {handle}"
            api(f"/api/v1/deals/{deal_id}/comments", {"body": text}, token)
            try:
                WebDriverWait(w.driver, WAIT_SECONDS).until(
                    lambda d: any(text in el.text for el in w.css("[data-testid=comments] li")))
                WebDriverWait(w.driver, WAIT_SECONDS).until(
                    lambda d: int(w.one("[data-testid=unread-badge]").get_attribute("data-live-unread") or "0") > before)
            except TimeoutException:
                raise CheckFailed("the comment or the unread badge did not update live") from None
            w.capture("deal-live")
            w.assert_no_console_errors()

        def comment_form():
            w.fill("form#comment-form", {"body": "Merci @bruno, bien vu."})
            w.submit("form#comment-form")
            bodies = [el.text for el in w.css("[data-testid=comments] li")]
            if not any("Merci @bruno" in body for body in bodies):
                raise CheckFailed(f"the posted comment is not on the page: {bodies[-3:]!r}")

        def for_me_follows_profile():
            w.visit("/deals?sort=hot&forMe=true", "deals-for-me")
            if not w.css("[data-testid=deals] li"):
                raise CheckFailed("alice follows vélo, phones and Maison Verte, yet “for me” is empty")
            w.visit("/deals?sort=top&period=month", "deals-top")
            w.visit("/follows", "follows")
            if len(w.css("[data-testid=follows] li")) < 3:
                raise CheckFailed("alice's three follows are not listed")
            w.visit("/members/alice", "profile")
            w.wait_for("[data-testid=badges]")

        def review_a_product():
            # Write (or, if this member already did, edit) a review through the form, then read it on the page.
            w.visit(product_path["path"], "product-reviews")
            w.wait_for("[data-testid=notoriety]")
            if not w.css("[data-testid=review-disclosure]"):
                raise CheckFailed("the product page does not say how reviews are checked and ordered")
            write = w.css("[data-testid=write-review]")
            if write:
                w.driver.get(write[0].get_attribute("href"))
            else:
                w.driver.get(w.one("a[href$='/edit'][href^='/reviews/']").get_attribute("href"))
            w.wait_for("form#review-form")
            title = f"Avis du parcours {handle}"
            w.fill("form#review-form", {
                "title": title, "body": "Écrit par le parcours du navigateur : solide, silencieux, je recommande.",
            })
            w.driver.execute_script(
                "document.querySelector('#review-form input[name=rating][value=\"4\"]').checked = true")
            w.submit("form#review-form")
            w.wait_for("[data-testid=reviews]")
            if title not in w.driver.page_source:
                raise CheckFailed(f"the review is not on {w.driver.current_url}")
            w.capture("reviewed")
            for path, name in [("/about/reviews", "about-reviews"), ("/about/notoriety", "about-notoriety"),
                               ("/rankings", "rankings"), ("/me/likes", "likes")]:
                w.visit(path, name)
            w.assert_no_console_errors()

        group_buy_path = {}

        def group_buy_live():
            # alice opens a campaign; bruno pledges through the API: the progress moves without a reload.
            w.visit("/group-buys", "group-buys")
            link = w.one("[data-testid=group-buys] li a")
            group_buy_path["path"] = link.get_attribute("href").removeprefix(base.rstrip("/"))
            w.visit(group_buy_path["path"], "group-buy")
            bar = w.one("[data-gb-units-bar]")
            before = int(bar.get_attribute("value") or "0")
            token = api("/api/v1/sessions", {"login": "bruno", "password": "demo-password-bruno"})["token"]
            group_buy_id = group_buy_path["path"].rsplit("/", 1)[-1]
            request = urllib.request.Request(
                base.rstrip("/") + f"/api/v1/group-buys/{group_buy_id}/pledge", json.dumps({"quantity": 1}).encode(),
                {"Content-Type": "application/json", "Authorization": f"Bearer {token}"}, method="PUT")
            urllib.request.urlopen(request, timeout=10).read()
            try:
                WebDriverWait(w.driver, WAIT_SECONDS).until(
                    lambda d: int(w.one("[data-gb-units-bar]").get_attribute("value") or "0") > before)
            except TimeoutException:
                raise CheckFailed("bruno's pledge did not move the progress bar live") from None
            w.fill("form#pledge-form", {"quantity": "1"})
            w.submit("form#pledge-form")
            w.wait_for("[data-testid=my-pledge]")
            w.capture("group-buy-pledged")
            w.assert_no_console_errors()

        def buy_and_timeline():
            # The product of the walk when it is in stock, else the first one of the search that is.
            w.visit(product_path["path"], "product-buy")
            links = []
            if not w.css("form[data-testid=buy-form]"):
                w.visit("/search?sort=price", "search-in-stock")
                links = [a.get_attribute("href") for a in w.css("[data-testid=results] li a")][:10]
            for link in links:
                if w.css("form[data-testid=buy-form]"):
                    break
                w.driver.get(link)
                w.wait_loaded()
            form = w.one("form[data-testid=buy-form]")
            w.click(form.find_element(By.CSS_SELECTOR, "button[type=submit]"), form)
            w.wait_for("[data-testid=timeline]")
            if "/orders/" not in w.driver.current_url:
                raise CheckFailed(f"buying landed on {w.driver.current_url}, not an order")
            w.capture("order")
            w.visit("/me/orders", "my-orders")
            w.visit("/me/rewards", "my-rewards")
            w.assert_no_console_errors()

        def english_pages():
            # The footer switch, then the new pages again in English, whose words run longer. Start
            # from the home page: the switch comes back to the page it was used on.
            w.visit("/", "home-before-switch")
            if not w.html_lang().startswith("en"):
                form = w.one("form#language-form")
                w.click(form.find_element(By.CSS_SELECTOR, 'button[value="en"]'), form)
                WebDriverWait(w.driver, WAIT_SECONDS).until(lambda d: w.html_lang().startswith("en"))
            if w.html_lang().split("-")[0].lower() != "en":
                raise CheckFailed(f"after the footer switch <html lang> is {w.html_lang()!r}; expected 'en'")
            w.visit("/search?q=phone&sort=price", "search-en")
            w.visit("/deals", "deals-en")
            w.visit(deal_path.get("path", "/deals"), "deal-en")
            w.visit("/deals/new", "deal-new-en")
            w.visit("/notifications", "notifications-en")
            w.visit(group_buy_path.get("path", "/group-buys"), "group-buy-en")
            w.visit("/me/orders", "my-orders-en")

        def expect_narrow(*names: str) -> None:
            too_wide = {n: w.phone_widths.get(n) for n in names if w.phone_widths.get(n, 0) > PHONE_WIDTH}
            if too_wide:
                raise CheckFailed(f"horizontal scroll at {PHONE_WIDTH}px (scrollWidth per page): {too_wide}")

        def business_model_dashboard():
            # The demo admin, in place of whoever walked so far.
            if w.css("form#logout-form"):
                w.submit("form#logout-form")
            w.visit("/login", "login-admin")
            w.fill("form#login-form", {"login": "admin", "password": "demo-password-admin"})
            w.submit("form#login-form")
            w.expect_signed_in("admin")
            w.visit("/admin/business-model", "business-model")
            panels = w.driver.execute_script(
                "return [...document.querySelectorAll('section[data-testid^=panel-]')].map(s => s.dataset.testid)")
            wanted = ["panel-value", "panel-interface", "panel-service", "panel-organizing", "panel-revenue"]
            if panels != wanted:
                raise CheckFailed(f"the dashboard's panels are {panels!r}; expected {wanted!r}, in the VISOR order")
            if not w.css("[data-testid=panel-revenue] svg.chart") or not w.css("[data-testid=panel-value] dd"):
                raise CheckFailed("the revenue panel has no chart, or the value panel no figure")
            # The demo's losses show over a longer period: a quick link away.
            if not w.css("[data-testid^=flag-]"):
                link = w.one("a[data-testid=period-365]")
                w.driver.get(link.get_attribute("href"))
                w.wait_loaded()
                w.capture("business-model-year")
                w.assert_no_console_errors()
            flags = w.css("[data-testid^=flag-]")
            if not flags or not w.css("[data-testid=visor-unprofitable]"):
                raise CheckFailed("no party is flagged as not profitable, over 30 days or a year of the demo")
            if not flags[0].is_displayed():
                raise CheckFailed("the first “not profitable” flag is present but not visible")
            expect_narrow("business-model", "business-model-year")

        def business_model_what_if():
            link = w.one("a[data-testid=what-if-link]")
            w.driver.get(link.get_attribute("href"))
            w.wait_loaded()
            w.capture("what-if-form")
            w.fill("form#what-if-form", {"fixed_costs_per_month": "0"})
            w.submit("form#what-if-form")
            w.wait_for("[data-testid=what-if-result]")
            actual = w.one("[data-testid=actual-profit-platform]").text
            tried = w.one("[data-testid=what-if-profit-platform]").text
            if not actual or not tried or actual == tried:
                raise CheckFailed(f"the platform's profit reads {actual!r} actual and {tried!r} what-if; "
                                  "expected both, different without fixed costs")
            w.capture("what-if")
            w.assert_no_console_errors()
            expect_narrow("what-if-form", "what-if")

        def phone_width():
            wanted = [
                "home", "register", "login", "settings", "search", "product", "near-home", "notifications", "deals",
                "about-ranking", "deal-new", "deal", "deals-for-me", "deals-top", "follows", "profile", "search-en",
                "deals-en", "deal-en", "deal-new-en", "notifications-en", "product-reviews", "about-reviews",
                "about-notoriety", "rankings", "likes", "group-buys", "group-buy", "order", "my-orders", "my-rewards",
                "group-buy-en", "my-orders-en",
            ]
            missing = [p for p in wanted if p not in w.phone_widths]
            if missing:
                raise CheckFailed(f"pages not measured at {PHONE_WIDTH}px (an earlier step failed): {missing}")
            too_wide = {p: w.phone_widths[p] for p in wanted if w.phone_widths[p] > PHONE_WIDTH}
            if too_wide:
                raise CheckFailed(f"horizontal scroll at {PHONE_WIDTH}px (scrollWidth per page): {too_wide}")

        w.run("home page in French", home)
        w.run("register", register)
        w.run("log out", logout)
        w.run("log in", login)
        w.run("settings: switch locale to English", settings_locale)
        w.run("footer language switch", language_switch)
        w.run("log out again", logout_again)
        w.run("search without accents finds accented names", search_without_accents)
        w.run("search form: words and order by total price", search_form_sorts_by_price)
        w.run("product page: best offer and price chart", product_page)
        w.run("near my home, then a price alert", alert_and_near_home)
        w.run("deals and how they are ranked", deals_and_ranking)
        w.run("post a deal through the form", post_a_deal)
        w.run("a comment and the unread badge arrive live", live_comment_and_badge)
        w.run("comment through the form", comment_form)
        w.run("for me, top, follows and a profile", for_me_follows_profile)
        w.run("a review through the form, and the pages about reviews", review_a_product)
        w.run("a group buy: progress moves live, then a pledge through the form", group_buy_live)
        w.run("buy from a product page, then the order's timeline", buy_and_timeline)
        w.run("the new pages in English", english_pages)
        w.run("staff: the VISOR dashboard's five panels and a “not profitable” flag", business_model_dashboard)
        w.run("staff: a what-if shows the actual and the tried profit side by side", business_model_what_if)
        w.run(f"no horizontal scroll at {PHONE_WIDTH}px", phone_width)
    finally:
        driver.quit()

    print(f"browser: {w.passed} passed, {w.failed} failed", flush=True)
    return 1 if w.failed else 0


if __name__ == "__main__":
    sys.exit(main())
