"""Run the benchmark's sections, print one table with the budgets, write the results."""

from __future__ import annotations

import argparse
import datetime
import fnmatch
import json
import math
import shutil
import sys
import time
from pathlib import Path

from bench import build, callbacks, environment, machine, notebooks, pages, phone, scale
from bench import pdf as printed
from bookbuild.browser import chromium_path
from bookbuild.editions import ROOT

SECTIONS = {
    "build": build.run,
    "notebooks": notebooks.run,
    "pages": pages.run,
    "phone": phone.run,
    "pdf": printed.run,
    "callbacks": callbacks.run,
    "scale": scale.run,
    "environment": environment.run,
}

#: Budgets on this project's reference machine (2 cores; see bench/README.md, which must say the same).
#: A figure is held to the budget of its own key, or of its ``budget_key`` (one budget for many figures).
BUDGETS = {
    "build.cold_s": 60,
    "build.warm_s": 10,
    "notebooks.each_s": 10,
    "notebooks.max_s": 10,
    "notebooks.median_s": 5,
    "pages.chart_ms_median": 700,
    "pages.specific_kB_median": 300,
    "pages.specific_kB_max": 1000,
    "pages.chart_runtime_kB": 650,
    "pages.map_redraw_ms_p95": 100,
    "phone.lcp_ms_median": 2500,
    "phone.chart_ms_median": 3500,
    "phone.second_chart_ms_median": 2500,
    "phone.first_kB": 450,
    "callbacks.p95_ms": 100,
    "scale.1000000.s": 10,
    "scale.1000000.peak_MB": 1500,
    "scale.growth": 1.5,
    "pdf.s": 180,
    "pdf.book_MB": 15,
}

#: The figures every run must produce (patterns), whatever its size: `--quick` checks them.
EXPECTED = {
    "build": ["build.cold_s", "build.cold_peak_MB", "build.warm_s", "build.floor_s", "build.ratio"],
    "notebooks": ["notebooks.chapters/*.ipynb", "notebooks.median_s", "notebooks.max_s", "notebooks.kernel_s"],
    "pages": [
        "pages.count",
        "pages.total_kB_median",
        "pages.total_kB_max",
        "pages.specific_kB_median",
        "pages.specific_kB_max",
        "pages.chart_runtime_kB",
        "pages.chart_ms_median",
        "pages.chart_ms_max",
        "pages.map_redraw_ms_median",
        "pages.map_redraw_ms_p95",
        "pages.floor_ms",
    ],
    "phone": [
        "phone.count",
        "phone.lcp_ms_median",
        "phone.chart_ms_median",
        "phone.chart_ms_max",
        "phone.second_lcp_ms_median",
        "phone.second_chart_ms_median",
        "phone.first_kB_median",
        "phone.first_kB_max",
        "phone.second_kB_median",
    ],
    "pdf": ["pdf.s", "pdf.fr.MB", "pdf.en.MB"],
    "callbacks": ["callbacks.*.median_ms", "callbacks.*.p95_ms"],
    "scale": ["scale.*.s", "scale.*.peak_MB", "scale.*.us_per_row", "scale.growth"],
    "environment": ["environment.MB", "environment.largest_MB"],
}

RESULTS = ROOT / "bench" / "results.json"
README = ROOT / "bench" / "README.md"
SCRATCH = ROOT / "_build" / "bench"
FIGURES_START, FIGURES_END = "<!-- figures: written by `make bench` -->", "<!-- end of figures -->"


def budget_of(figure: dict) -> float | None:
    return BUDGETS.get(figure.get("budget_key", figure["key"]))


def missing_figures(results: dict) -> list[str]:
    """What a run should have produced and did not (a pattern with no figure, or a value that is not a
    finite number ≥ 0)."""
    problems = []
    figures = results["figures"]
    for section in results["sections"]:
        for pattern in EXPECTED[section]:
            if not any(fnmatch.fnmatchcase(f["key"], pattern) for f in figures):
                problems.append(f"{section}: no figure {pattern}")
    for f in figures:
        value = f.get("value")
        if not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
            problems.append(f"{f['key']}: value {value!r}")
    return problems


def _fmt(value: float, unit: str) -> str:
    if unit in ("s", "×", "µs"):
        text = f"{value:,.2f}" if value < 10 else f"{value:,.1f}"
    elif unit in ("ms", "kB", "MB"):
        text = f"{value:,.1f}" if value < 10 else f"{value:,.0f}"
    else:
        text = f"{value:,.0f}"
    return f"{text} {unit}".strip()


def rows(results: dict) -> list[tuple[str, str, str, str, str]]:
    out = []
    for f in results["figures"]:
        budget = f.get("budget")
        if budget is None:
            status = ""
        elif results["quick"]:
            status = "(quick)"
        else:
            status = "ok" if f["value"] <= budget else "OVER"
        out.append(
            (
                f["key"].split(".")[0],
                f["label"],
                _fmt(f["value"], f["unit"]),
                f"≤ {_fmt(budget, f['unit'])}" if budget is not None else "",
                status,
            )
        )
    return out


def table(results: dict) -> str:
    widths = [max(len(r[i]) for r in rows(results)) for i in range(5)]
    lines, section = [], None
    for r in rows(results):
        if r[0] != section:
            section = r[0]
            lines.append(f"\n{section}")
        lines.append(f"  {r[1]:<{widths[1]}}  {r[2]:>{widths[2]}}  {r[3]:<{widths[3]}}  {r[4]}")
    return "\n".join(lines)


def markdown(results: dict) -> str:
    m = results["machine"]
    head = (
        f"Measured on {results['date']} ({m['cores']} cores, {m['memory_GB']} GB, {m['cpu']}; "
        f"Python {m['python']}; {m['chromium']}); the whole run took {results['seconds']:.0f} s.\n\n"
        "| section | figure | value | budget | |\n|---|---|---|---|---|\n"
    )
    return head + "\n".join(f"| {' | '.join(r)} |" for r in rows(results)) + "\n"


def write_readme_figures(results: dict) -> None:
    text = README.read_text(encoding="utf-8")
    start, end = text.index(FIGURES_START) + len(FIGURES_START), text.index(FIGURES_END)
    README.write_text(text[:start] + "\n" + markdown(results) + text[end:], encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="The book's benchmark: figures beside their budgets.")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="smaller workloads and fewer repetitions: checks that every figure is produced",
    )
    parser.add_argument("--only", nargs="+", choices=list(SECTIONS), help="run these sections only")
    parser.add_argument(
        "--output",
        type=Path,
        help="where to write the results (default: bench/results.json, or _build/bench/quick.json with --quick)",
    )
    args = parser.parse_args(argv)
    sections = args.only or list(SECTIONS)
    output = args.output or (SCRATCH / "quick.json" if args.quick else RESULTS)
    scratch = SCRATCH / "scratch"
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)

    start = time.perf_counter()
    figures, details = [], {}
    for name in sections:
        t0 = time.perf_counter()
        print(f"[bench] {name}…", flush=True)
        if name in ("pages", "phone", "pdf") and "build" in sections:
            # the site the build section has just made
            pages.SITE = phone.SITE = printed.SITE = scratch / "build" / "build" / "site"
        found, details[name] = SECTIONS[name](scratch / name, args.quick)
        for f in found:
            f["budget"] = budget_of(f)
            f.pop("budget_key", None)
        figures += found
        print(f"[bench] {name} done in {time.perf_counter() - t0:.0f} s", flush=True)
    results = {
        "date": datetime.date.today().isoformat(),
        "quick": args.quick,
        "sections": sections,
        "seconds": time.perf_counter() - start,
        "machine": machine.describe(chromium_path()),
        "figures": figures,
        "details": details,
    }
    shutil.rmtree(scratch, ignore_errors=True)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(table(results))
    over = [r for r in rows(results) if r[4] == "OVER"]
    print(
        f"\n{len(figures)} figures in {results['seconds']:.0f} s; "
        + (
            f"{len(over)} over budget."
            if over
            else ("quick run: budgets not judged." if args.quick else "every budget met.")
        )
    )
    print(f"Results: {output.relative_to(ROOT) if output.is_relative_to(ROOT) else output}")
    if not args.quick and not args.only and output == RESULTS:
        write_readme_figures(results)
        print(f"Figures written into {README.relative_to(ROOT)}")
    problems = missing_figures(results)
    if problems:
        print("Figures missing or not numbers:\n  " + "\n  ".join(problems), file=sys.stderr)
        raise SystemExit(1)
