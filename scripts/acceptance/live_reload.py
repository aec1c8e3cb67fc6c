#!/usr/bin/env python3
"""The preview as an author meets it, in headless Chromium: `dermasite serve` on a copy of the
site; a saved article reloads its page; a stylesheet change is applied without a reload; a broken
save shows the error panel (screenshot, axe-core on it) and the fix clears it; SIGTERM stops the
server within 2 s with the page still connected.

usage: live_reload.py --binary .build/debug/dermasite --axe axe.min.js --screenshots screenshots
"""
import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

os.environ.setdefault("SE_AVOID_STATS", "true")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_checks import browser, run_axe, console_errors  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ARTICLE = "Content/articles/sensory-exam.md"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait(condition, timeout=15):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if condition():
                return True
        except Exception:  # the page may be mid-reload
            pass
        time.sleep(0.05)
    return False


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--axe", required=True)
    parser.add_argument("--screenshots", required=True)
    args = parser.parse_args()
    os.makedirs(args.screenshots, exist_ok=True)
    site = tempfile.mkdtemp(prefix="dermasite-live-")
    for folder in ("Content", "Templates"):
        shutil.copytree(os.path.join(ROOT, folder), os.path.join(site, folder))
    port = free_port()
    server = subprocess.Popen([os.path.abspath(args.binary), "serve", "--root", site, "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}/"
    results = []

    def check(name, ok, detail=""):
        results.append(ok)
        print(("ok   " if ok else "FAIL ") + name + ("" if ok else f": {detail}"))

    driver = browser()
    article = os.path.join(site, ARTICLE)
    original = open(article, encoding="utf-8").read()
    try:
        if not wait(lambda: socket.create_connection(("127.0.0.1", port), timeout=1).close() is None, 60):
            check("server starts", False, server.stdout.read() if server.poll() is not None else "no answer")
            return 1
        driver.get(base + "articles/sensory-exam/")
        wait(lambda: driver.execute_script("return document.readyState") == "complete")
        time.sleep(0.5)  # the live-reload stream connects after the page loads
        driver.execute_script("window.__beforeEdit = true;")

        with open(article, "w", encoding="utf-8") as f:
            f.write(original + "\nThis sentence arrived by live reload.\n")
        reloaded = wait(lambda: "This sentence arrived by live reload." in driver.page_source
                        and not driver.execute_script("return window.__beforeEdit === true;"))
        check("a saved article reloads its page", reloaded)

        driver.execute_script("window.__beforeEdit = true;")
        css = os.path.join(site, "Templates/assets/style.css")
        with open(css, "a", encoding="utf-8") as f:
            f.write("\nbody { outline: 6px solid rgb(1, 2, 3); }\n")
        swapped = wait(lambda: driver.execute_script(
            "return getComputedStyle(document.body).outlineColor === 'rgb(1, 2, 3)';"))
        kept = driver.execute_script("return window.__beforeEdit === true;")
        check("a stylesheet change applies without a reload", swapped and kept, f"applied={swapped} no reload={kept}")

        with open(article, "w", encoding="utf-8") as f:
            f.write(original + "\nSee [this page](no-such-article.md).\n")
        shown = wait(lambda: driver.find_element(By.ID, "dermasite-build-error").is_displayed())
        text = driver.find_element(By.ID, "dermasite-build-error").text if shown else ""
        check("a broken save shows the error panel with file and line",
              shown and "Content/articles/sensory-exam.md:" in text and "no-such-article.md" in text, text[:300])
        driver.save_screenshot(os.path.join(args.screenshots, "live-reload-error.png"))
        violations = run_axe(driver, open(args.axe, encoding="utf-8").read())
        check("the error panel passes axe-core", not violations, "; ".join(v["id"] for v in violations))
        check("the page is still the last good build", "This sentence arrived by live reload." in driver.page_source)

        with open(article, "w", encoding="utf-8") as f:
            f.write(original)
        cleared = wait(lambda: not driver.find_elements(By.ID, "dermasite-build-error"))
        check("fixing the file clears the panel", cleared)
        errors = [e for e in console_errors(driver) if "__dermasite" not in e]
        check("no console errors", not errors, "; ".join(errors))

        start = time.time()
        server.terminate()
        try:
            server.wait(timeout=5)
            took = time.time() - start
            check("SIGTERM stops the server within 2 s with the page connected", took < 2, f"{took:.2f} s")
        except subprocess.TimeoutExpired:
            check("SIGTERM stops the server within 2 s with the page connected", False, "still running after 5 s")
    finally:
        driver.quit()
        if server.poll() is None:
            server.kill()
        shutil.rmtree(site, ignore_errors=True)
    failed = results.count(False)
    print(f"live reload: {len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
