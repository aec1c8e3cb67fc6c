#!/usr/bin/env python3
"""Site search in headless Chromium, as readers use it, under a strict Content-Security-Policy
(scripts from the site only: no eval, no WebAssembly, no other host).

- every lay query of search_queries.txt typed into the header's search box: the expected page
  must be in the top 3 for at least 90 % of them (each query and its rank are printed);
- the bytes the first query loads (gzip size of each file it fetched), against a 50 KB budget;
- the keyboard: Down reaches the results, Escape clears them;
- axe-core on a page with results open (375 px light, 1280 px dark) and on the search page;
- 24 px targets on a phone; no console errors;
- without JavaScript, the header's form opens the search page, and it links every expected page.

usage: search.py --site DIR --axe axe.min.js [--queries FILE] [--screenshots DIR]
"""
import argparse
import functools
import gzip
import http.server
import os
import sys
import threading
import time
import urllib.parse

os.environ.setdefault("SE_AVOID_STATS", "true")

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_checks import console_errors, emulate, run_axe  # noqa: E402

# What a strict site would send: nothing but its own files, no eval, no WebAssembly.
CSP = ("default-src 'self'; script-src 'self'; connect-src 'self'; img-src 'self' data:; "
       "style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; form-action 'self'")
BUDGET = 50 * 1024


class StrictHandler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header("Content-Security-Policy", CSP)
        super().end_headers()

    def log_message(self, *args):
        pass


def serve(site):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(StrictHandler, directory=site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def browser(javascript=True):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1280,900"):
        options.add_argument(flag)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def read_queries(path):
    queries = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                query, expected = (part.strip() for part in line.split("|"))
                queries.append((query, expected))
    return queries


def type_query(driver, query):
    """Types into the header's box as a reader would, and waits for the announced result."""
    box = driver.find_element(By.ID, "site-search-q")
    status = driver.find_element(By.CSS_SELECTOR, ".site-search [data-search-status]")
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.DELETE)
    # The last query's announcement goes first, so it cannot be taken for this one's.
    WebDriverWait(driver, 10).until(lambda d: not (status.get_attribute("textContent") or ""))
    box.send_keys(query)
    WebDriverWait(driver, 10).until(lambda d: query.strip() in (status.get_attribute("textContent") or ""))
    return [urllib.parse.urlparse(a.get_attribute("href")).path
            for a in driver.find_elements(By.CSS_SELECTOR, ".site-search .search-result__link")]


def first_query_bytes(driver, base, site, query):
    """Gzip bytes of every file a first query fetches, from a fresh page with an empty cache."""
    driver.execute_cdp_cmd("Network.clearBrowserCache", {})
    driver.get(base + "articles/foot-drop/")
    type_query(driver, query)
    names = driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)")
    fetched = sorted({urllib.parse.urlparse(n).path for n in names
                      if "/search/" in n or "/assets/search." in n})
    first, later = [], []
    for path in fetched:
        with open(os.path.join(site, path.lstrip("/")), "rb") as f:
            size = len(gzip.compress(f.read(), 9))
        (later if "/search/text-" in path else first).append((path, size))
    return first, later


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", required=True)
    parser.add_argument("--axe", required=True)
    parser.add_argument("--queries", default=os.path.join(os.path.dirname(__file__), "search_queries.txt"))
    parser.add_argument("--screenshots", default="screenshots")
    args = parser.parse_args()
    with open(args.axe, encoding="utf-8") as f:
        axe_source = f.read()
    queries = read_queries(args.queries)
    os.makedirs(args.screenshots, exist_ok=True)
    server, base = serve(args.site)
    failures = []
    driver = browser()
    try:
        emulate(driver, 1280, 900, False, False)
        first, later = first_query_bytes(driver, base, args.site, queries[0][0])
        total = sum(size for _, size in first)
        print(f"search: the first query loads {len(first)} files, {total / 1024:.1f} KB gzip "
              f"(budget {BUDGET // 1024} KB): " + ", ".join(f"{p} {s / 1024:.1f}" for p, s in first))
        print(f"search: its snippets then load {sum(s for _, s in later) / 1024:.1f} KB gzip in {len(later)} files")
        if total > BUDGET:
            failures.append(f"the first query loads {total} bytes gzip, over the {BUDGET} budget")

        found = 0
        for query, expected in queries:
            top = type_query(driver, query)[:3]
            rank = top.index(expected) + 1 if expected in top else 0
            found += 1 if rank else 0
            print(f"  {'top ' + str(rank) if rank else 'MISS '}  {query!r} -> {', '.join(top) or '(nothing)'}"
                  + ("" if rank else f"  (wanted {expected})"))
        share = found / len(queries)
        print(f"search: {found} of {len(queries)} lay queries have the expected page in the top 3 ({share:.0%}; need 90%)")
        if share < 0.9:
            failures.append(f"only {found} of {len(queries)} queries found their page in the top 3")

        # The keyboard: Down from the box reaches the first result; Escape clears.
        type_query(driver, "numb big toe")
        box = driver.find_element(By.ID, "site-search-q")
        box.send_keys(Keys.ARROW_DOWN)
        active = driver.switch_to.active_element
        if "search-result__link" not in (active.get_attribute("class") or ""):
            failures.append("Down from the search box did not reach the first result")
        active.send_keys(Keys.ESCAPE)
        panel = driver.find_element(By.CSS_SELECTOR, ".site-search [data-search-results]")
        if box.get_attribute("value") or panel.is_displayed() or driver.switch_to.active_element != box:
            failures.append("Escape did not clear the search and return to the box")

        for width, dark in ((375, False), (1280, True)):
            emulate(driver, width, 900, width < 600, dark)
            driver.get(base + "articles/foot-drop/")
            type_query(driver, "pins and needles in my foot")
            time.sleep(0.3)  # the snippets
            name = f"search-open-{width}{'-dark' if dark else ''}.png"
            driver.save_screenshot(os.path.join(args.screenshots, name))
            for violation in run_axe(driver, axe_source):
                failures.append(f"axe with results open [{width}px]: {violation['id']}: {violation['help']}")
            if width < 600:
                for link in driver.find_elements(By.CSS_SELECTOR, ".site-search a, .site-search button, .site-search input"):
                    if link.is_displayed() and link.size["height"] < 24:
                        failures.append(f"a search target is {link.size['height']} px tall on a phone: {link.text!r}")
            driver.get(base + "search/?q=" + urllib.parse.quote("numb between my legs"))
            WebDriverWait(driver, 10).until(lambda d: "pages found" in d.find_element(By.CSS_SELECTOR, ".search-page [data-search-status]").text)
            driver.save_screenshot(os.path.join(args.screenshots, f"search-page-{width}{'-dark' if dark else ''}.png"))
            first_result = driver.find_element(By.CSS_SELECTOR, ".search-page .search-result__link").get_attribute("href")
            if not first_result.endswith("/articles/when-to-get-urgent-help/"):
                failures.append(f"an urgent query's first result is {first_result}")
            for violation in run_axe(driver, axe_source):
                failures.append(f"axe on the search page [{width}px]: {violation['id']}: {violation['help']}")
            # A filter a reader taps narrows the results.
            driver.find_element(By.CSS_SELECTOR, "input[name=kind][value=place]").click()
            WebDriverWait(driver, 10).until(lambda d: all("/where/" in a.get_attribute("href") for a in
                                            d.find_elements(By.CSS_SELECTOR, ".search-page .search-result__link")))
        for message in console_errors(driver):
            failures.append(f"console error: {message}")
    finally:
        driver.quit()

    # Without JavaScript: the header's form opens the search page, which links every expected page.
    plain = browser(javascript=False)
    try:
        plain.get(base + "articles/foot-drop/")
        box = plain.find_element(By.ID, "site-search-q")
        box.send_keys("numb big toe", Keys.ENTER)
        WebDriverWait(plain, 10).until(lambda d: "/search/" in d.current_url)
        links = {urllib.parse.urlparse(a.get_attribute("href")).path for a in plain.find_elements(By.CSS_SELECTOR, "main a")}
        reachable = [expected for _, expected in queries if expected in links]
        print(f"search without JavaScript: the form opened {urllib.parse.urlparse(plain.current_url).path}?"
              f"{urllib.parse.urlparse(plain.current_url).query}, which links {len(set(reachable))} of "
              f"{len({e for _, e in queries})} expected pages")
        if len(reachable) != len(queries):
            failures.append("without JavaScript, the search page does not link every expected page: "
                            + ", ".join(sorted({e for _, e in queries} - links)))
    finally:
        plain.quit()
        server.shutdown()
    for failure in failures:
        print("FAIL " + failure)
    print(f"search acceptance: {'passed' if not failures else f'{len(failures)} failed'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
