#!/usr/bin/env python3
"""Loads every page of a built site in headless Chromium, the way readers meet it, and checks it.

- axe-core (WCAG 2.2 A and AA rules) at 375 px and 1280 px wide, in light and dark colour schemes:
  zero violations;
- no errors in the browser console;
- on the dermatome map page, every place on the map shown is reached with Tab, and Enter follows the link;
- screenshots of the home page, the article, the map page and one root page at both widths, each
  checked for real content (not blank, not one flat colour).

The site is served from 127.0.0.1 only. Exit status 1 when any check fails.

usage: browser_checks.py --site DIR --axe axe.min.js [--screenshots DIR]
"""
import argparse
import functools
import http.server
import os
import sys
import threading

os.environ.setdefault("SE_AVOID_STATS", "true")  # no statistics, no driver downloads

from PIL import Image  # noqa: E402
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

WIDTHS = {"phone": (375, 812, True), "desktop": (1280, 900, False)}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SCREENSHOT_PAGES = {"home": "", "article": "articles/leg-dermatomes/", "atlas": "dermatomes/", "root-l4": "dermatomes/l4/", "place-big-toe": "where/big-toe/", "places": "where/"}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site):
    handler = functools.partial(QuietHandler, directory=site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1280,900"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def emulate(driver, width, height, mobile, dark):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"features": [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]})


def run_axe(driver, axe_source):
    driver.execute_script(axe_source)
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
        ".then(r => done(r.violations)).catch(e => done([{id: 'axe-error', help: String(e), nodes: []}]));",
        AXE_TAGS)


def console_errors(driver):
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def keyboard_reaches_regions(driver, base, screenshots):
    """Tab from the top of the map page until every region link has had focus; Enter follows one."""
    driver.get(base + "dermatomes/")
    # Only the map variant on show: the others are hidden by the no-JavaScript switch.
    regions = [r for r in driver.find_elements(By.CSS_SELECTOR, "a.legmap__region") if r.is_displayed()]
    expected = {(r.get_attribute("href"), r.get_attribute("aria-label")) for r in regions}
    reached = set()
    body = driver.find_element(By.TAG_NAME, "body")
    body.click()
    for _ in range(len(regions) + 80):
        driver.switch_to.active_element.send_keys(Keys.TAB)
        active = driver.switch_to.active_element
        if "legmap__region" in (active.get_attribute("class") or ""):
            reached.add((active.get_attribute("href"), active.get_attribute("aria-label")))
        if reached == expected:
            break
    failures = []
    if not regions:
        failures.append("the map page has no region links")
    if reached != expected:
        missing = sorted(label for _, label in expected - reached)
        failures.append(f"Tab never reached these map regions: {missing}")
    # Enter on a focused region follows its link.
    target = next((r for r in regions if (r.get_attribute("aria-label") or "").startswith("Inner shin:")), None)
    if target is not None:
        driver.execute_script("arguments[0].focus()", target)
        driver.save_screenshot(os.path.join(screenshots, "atlas-focus-1280.png"))  # the focus ring, to look at
        driver.switch_to.active_element.send_keys(Keys.ENTER)
        if not driver.current_url.endswith("/where/inner-shin/"):
            failures.append(f"Enter on the inner shin went to {driver.current_url}")
    return failures, len(reached)


PAPER = {"A4": (8.27, 11.69), "Letter": (8.5, 11.0)}


def printed_pages(driver, url, paper):
    """Prints a page to PDF the way a reader would (print stylesheet) and counts its pages."""
    import base64
    driver.get(url)
    width, height = PAPER[paper]
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"paperWidth": width, "paperHeight": height,
                                                     "printBackground": False, "displayHeaderFooter": False})
    data = base64.b64decode(pdf["data"])
    return data.count(b"/Type /Page") - data.count(b"/Type /Pages"), data


def looks_like_a_page(path):
    image = Image.open(path).convert("RGB")
    small = image.resize((64, 64))
    colours = len(small.getcolors(maxcolors=64 * 64))
    low, high = image.convert("L").getextrema()
    return colours >= 12 and high - low >= 100, colours


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", required=True)
    parser.add_argument("--axe", required=True)
    parser.add_argument("--screenshots", default="screenshots")
    args = parser.parse_args()
    with open(args.axe, encoding="utf-8") as f:
        axe_source = f.read()
    pages = sorted(os.path.relpath(os.path.join(folder, name), args.site).replace(os.sep, "/")
                   for folder, _, files in os.walk(args.site) for name in files if name.endswith(".html"))
    os.makedirs(args.screenshots, exist_ok=True)
    server, base = serve(args.site)
    driver = browser()
    failures = []
    runs = 0
    checks = 0
    failed_checks = 0

    def record(problems):
        nonlocal checks, failed_checks
        checks += 1
        failed_checks += 1 if problems else 0
        failures.extend(problems)

    try:
        for width_name, (width, height, mobile) in WIDTHS.items():
            for dark in (False, True):
                emulate(driver, width, height, mobile, dark)
                for page in pages:
                    url = base + ("" if page == "index.html" else page.removesuffix("index.html"))
                    driver.get(url)
                    runs += 1
                    scheme = "dark" if dark else "light"
                    problems = []
                    for violation in run_axe(driver, axe_source):
                        targets = ", ".join(" ".join(node["target"]) if isinstance(node["target"], list)
                                            else str(node["target"]) for node in violation["nodes"][:3])
                        problems.append(f"{page} [{width}px {scheme}] axe {violation['id']}: {violation['help']} ({targets})")
                    for message in console_errors(driver):
                        problems.append(f"{page} [{width}px {scheme}] console error: {message}")
                    record(problems)
            emulate(driver, width, 2200 if not mobile else 1600, mobile, False)
            for name, path in SCREENSHOT_PAGES.items():
                driver.get(base + path)
                file = os.path.join(args.screenshots, f"{name}-{width}.png")
                driver.save_screenshot(file)
                ok, colours = looks_like_a_page(file)
                record([] if ok else [f"screenshot {file} looks blank ({colours} colours)"])
        emulate(driver, 1280, 900, False, False)
        for paper in PAPER:
            count, data = printed_pages(driver, base + "dermatomes/worksheet/", paper)
            with open(os.path.join(args.screenshots, f"worksheet-{paper}.pdf"), "wb") as f:
                f.write(data)
            record([] if count == 1 else [f"the worksheet prints on {count} pages of {paper}, not one"])
        count, data = printed_pages(driver, base + "articles/leg-dermatomes/", "A4")
        with open(os.path.join(args.screenshots, "article-A4.pdf"), "wb") as f:
            f.write(data)
        record([] if 0 < count <= 12 else [f"the article prints on {count} pages of A4"])
        keyboard_failures, reached = keyboard_reaches_regions(driver, base, args.screenshots)
        record(keyboard_failures)
    finally:
        driver.quit()
        server.shutdown()
    print(f"axe-core WCAG 2.2 A/AA: {len(pages)} pages x 2 widths x 2 colour schemes = {runs} page loads")
    print(f"keyboard: Tab reached {reached} map regions; screenshots in {args.screenshots}/")
    for failure in failures:
        print("FAIL " + failure)
    print(f"acceptance: {checks - failed_checks} passed, {failed_checks} failed")
    return 1 if failed_checks else 0


if __name__ == "__main__":
    sys.exit(main())
