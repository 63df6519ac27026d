"""Phone: the chart pages of both editions as a reader on a mid-range phone and a slow mobile network
gets them, from a server that compresses and sends cache headers as static hosts do (bench/server.py).

The profile is the mobile one of web performance tools: the CPU slowed down four times
(``Emulation.setCPUThrottlingRate``), 1.6 Mbit/s down, 0.75 Mbit/s up and 150 ms of round trip
(``Network.emulateNetworkConditions``), a 390 × 844 touch screen at three device pixels per CSS pixel.

For each chart page:

* first visit, in a fresh browser context (empty cache): the largest contentful paint (the last
  ``largest-contentful-paint`` entry of a PerformanceObserver), the time until every chart has drawn (the
  performance mark ``clusterlab:charts-drawn``), and the bytes transferred (compressed bodies and headers,
  as the browser's network panel counts them: ``encodedDataLength``);
* second chart page: in the same context, so with what the first visit cached, another chart page of
  the same edition (the next one in the book): the same figures.

Times run from the start of navigation.
"""

from __future__ import annotations

import re
from pathlib import Path

from bench import server
from bench.stats import median
from bookbuild.browser import CHROMIUM_ARGS, require_chromium, site_failure
from bookbuild.editions import EDITIONS, ROOT
from bookbuild.site import site_pages

SITE = ROOT / "_build" / "site"

#: The mobile profile of web performance tools ("slow 4G" and a mid-range phone), applied by throttling.
CPU_SLOWDOWN = 4
DOWN_BITS_PER_S = 1.6e6
UP_BITS_PER_S = 0.75e6
ROUND_TRIP_MS = 150
VIEWPORT = {"width": 390, "height": 844}
PHONE = {"viewport": VIEWPORT, "is_mobile": True, "has_touch": True, "device_scale_factor": 3}

#: Watches the largest contentful paint from the start (buffered entries included).
LCP_OBSERVER = """(() => {
  window.__clLcp = null;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__clLcp = e.renderTime || e.startTime || e.loadTime;
    }).observe({type: "largest-contentful-paint", buffered: true});
  } catch (e) {}
})();"""
DRAWN = """() => document.querySelectorAll("div.cl-chart").length > 0
  && document.documentElement.dataset.charts === "drawn" """
TIMES = """() => ({
  lcp: window.__clLcp,
  drawn: (performance.getEntriesByName("clusterlab:charts-drawn")[0] || {}).startTime ?? null,
  errors: document.querySelectorAll('div.cl-chart[data-rendered="error"]').length,
})"""


def chart_pages(site: Path, language: str) -> list[Path]:
    """The pages of an edition that hold a chart, in the book's order of files."""
    return [p for p in site_pages(site, language) if 'class="cl-chart"' in p.read_text(encoding="utf-8")]


def throttle(cdp) -> None:
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": ROUND_TRIP_MS,
            "downloadThroughput": DOWN_BITS_PER_S / 8,
            "uploadThroughput": UP_BITS_PER_S / 8,
        },
    )


class Tab:
    """One phone tab (a browser context with its cache): visits pages one after the other."""

    def __init__(self, browser):
        self.context = browser.new_context(**PHONE)
        self.context.add_init_script(LCP_OBSERVER)
        self.page = self.context.new_page()
        self.cdp = self.context.new_cdp_session(self.page)
        throttle(self.cdp)
        self.transferred: dict[str, int] = {}
        self.urls: dict[str, str] = {}
        self.encoded: dict[str, str] = {}
        self.failed: list[str] = []
        self.cdp.on("Network.responseReceived", self._received)
        self.cdp.on("Network.loadingFinished", self._finished)
        self.page.on("requestfailed", lambda r: self.failed.extend(filter(None, [site_failure(r)])))

    def _received(self, event: dict) -> None:
        response = event["response"]
        self.urls[event["requestId"]] = response["url"]
        coding = {k.lower(): v for k, v in response.get("headers", {}).items()}.get("content-encoding")
        if coding:
            self.encoded[response["url"]] = coding

    def _finished(self, event: dict) -> None:
        url = self.urls.get(event["requestId"], event["requestId"])
        self.transferred[url] = self.transferred.get(url, 0) + int(event["encodedDataLength"])

    def visit(self, url: str) -> dict:
        self.transferred.clear()
        self.encoded.clear()
        self.page.goto(url, wait_until="load", timeout=120_000)
        self.page.wait_for_function(DRAWN, timeout=120_000)
        self.page.wait_for_load_state("networkidle", timeout=120_000)
        times = self.page.evaluate(TIMES)
        if self.failed or times["errors"] or times["drawn"] is None or times["lcp"] is None:
            raise RuntimeError(f"{url}: failed requests {self.failed[:3]}, {times}")
        return {
            "lcp_ms": times["lcp"],
            "chart_ms": times["drawn"],
            "bytes": sum(self.transferred.values()),
            "requests": len(self.transferred),
            "largest": sorted(self.transferred.items(), key=lambda kv: -kv[1])[:5],
            "compressed": sorted(_short(url) for url in self.encoded),
        }

    def close(self) -> None:
        self.context.close()


def _short(url: str) -> str:
    return re.sub(r"^https?://[^/]+/", "", url)


def run(scratch: Path, quick: bool) -> tuple[list[dict], dict]:
    from playwright.sync_api import sync_playwright

    if not (SITE / "index.html").exists():
        raise RuntimeError("the site is not built: run `make book` first")
    details: dict[str, dict] = {}
    with server.served(SITE) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=require_chromium(), args=CHROMIUM_ARGS)
        warm = Tab(browser)  # start the browser and fill the server's compressed copies once, unthrottled
        warm.cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})
        warm.cdp.send(
            "Network.emulateNetworkConditions",
            {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
        )
        for language in EDITIONS:
            for path in chart_pages(SITE, language)[:1]:
                warm.visit(f"{base}/{path.relative_to(SITE).as_posix()}")
        warm.close()
        for language in EDITIONS:
            pages = chart_pages(SITE, language)
            if len(pages) < 2:
                raise RuntimeError(f"{language}: fewer than two chart pages")
            chosen = pages[:1] if quick else pages
            for path in chosen:
                name = path.relative_to(SITE).as_posix()
                second = pages[(pages.index(path) + 1) % len(pages)].relative_to(SITE).as_posix()
                tab = Tab(browser)
                try:
                    first = tab.visit(f"{base}/{name}")
                    then = tab.visit(f"{base}/{second}")
                finally:
                    tab.close()
                details[name] = {
                    "first": {**first, "largest": [(_short(u), b) for u, b in first["largest"]]},
                    "second_page": second,
                    "second": {**then, "largest": [(_short(u), b) for u, b in then["largest"]]},
                }
                print(
                    f"[bench]   {name}: LCP {first['lcp_ms']:.0f} ms, charts {first['chart_ms']:.0f} ms, "
                    f"{first['bytes'] / 1e3:.0f} kB; then {second}: charts {then['chart_ms']:.0f} ms, "
                    f"{then['bytes'] / 1e3:.0f} kB",
                    flush=True,
                )
        browser.close()
    firsts = {k: v["first"] for k, v in details.items()}
    seconds = {k: v["second"] for k, v in details.items()}
    heaviest = max(firsts, key=lambda k: firsts[k]["bytes"])
    slowest = max(firsts, key=lambda k: firsts[k]["chart_ms"])
    figures = [
        {
            "key": "phone.count",
            "label": "chart pages measured on a phone (first visit, then a second chart page)",
            "value": len(details),
            "unit": "",
        },
        {
            "key": "phone.lcp_ms_median",
            "label": "phone, first visit: largest contentful paint, median",
            "value": median([v["lcp_ms"] for v in firsts.values()]),
            "unit": "ms",
        },
        {
            "key": "phone.chart_ms_median",
            "label": "phone, first visit: charts drawn, median",
            "value": median([v["chart_ms"] for v in firsts.values()]),
            "unit": "ms",
        },
        {
            "key": "phone.chart_ms_max",
            "label": f"phone, first visit: charts drawn, slowest ({slowest})",
            "value": firsts[slowest]["chart_ms"],
            "unit": "ms",
        },
        {
            "key": "phone.second_lcp_ms_median",
            "label": "phone, second chart page: largest contentful paint, median",
            "value": median([v["lcp_ms"] for v in seconds.values()]),
            "unit": "ms",
            "budget_key": "phone.lcp_ms_median",
        },
        {
            "key": "phone.second_chart_ms_median",
            "label": "phone, second chart page: charts drawn, median",
            "value": median([v["chart_ms"] for v in seconds.values()]),
            "unit": "ms",
        },
        {
            "key": "phone.first_kB_median",
            "label": "phone, first visit: compressed bytes transferred, median",
            "value": median([v["bytes"] for v in firsts.values()]) / 1e3,
            "unit": "kB",
            "budget_key": "phone.first_kB",
        },
        {
            "key": "phone.first_kB_max",
            "label": f"phone, first visit: compressed bytes transferred, largest ({heaviest})",
            "value": firsts[heaviest]["bytes"] / 1e3,
            "unit": "kB",
            "budget_key": "phone.first_kB",
        },
        {
            "key": "phone.second_kB_median",
            "label": "phone, second chart page: bytes transferred, median",
            "value": median([v["bytes"] for v in seconds.values()]) / 1e3,
            "unit": "kB",
        },
    ]
    return figures, {"pages": details, "server": {"brotli": server.brotli is not None}}
