"""Interactive callbacks: the Python work behind each ipywidgets control of the notebooks.

The explorers are built as the notebooks build them (same data, same arguments); then each
control is set to one new value after another, which runs its callback exactly as a reader's
click does in JupyterLab (recomputing, then filling the output area with the new chart or
table; drawing in the browser is not included). Timings per call: median and 95th percentile.
"""

from __future__ import annotations

import datetime
import itertools
import json
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd

from bench.stats import median, percentile
from bookbuild.editions import ROOT

CHAPTER_INDUSTRIES = ["C30", "C22", "C15", "C13", "C29", "C23"]


def _time_values(control, values, calls: int) -> list[float]:
    """Set ``control`` to successive ``values`` (each different from the previous), ``calls`` times."""
    seconds = []
    cycle = itertools.cycle(values)
    for _ in range(calls):
        value = next(cycle)
        if value == control.value:
            value = next(cycle)
        start = time.perf_counter()
        control.value = value
        seconds.append(time.perf_counter() - start)
    return seconds


def chapter_lq() -> pd.DataFrame:
    """The location-quotient table chapter 4 hands to its explorer (same cells as the chapter)."""
    from clusterlab import data, measures

    sbs = data.load("eurostat_sbs_regions_2015")
    is_nuts2 = (sbs["geo"].str.len() == 4) & ~sbs["geo"].str.endswith("ZZ")
    manufacturing = sbs[is_nuts2 & sbs["nace"].str.fullmatch(r"C\d{2}")]
    employment = manufacturing.dropna(subset=["persons_employed"]).rename(
        columns={"geo": "region", "nace": "industry", "persons_employed": "employment"}
    )
    return measures.lq_table(employment)


def reader_upload() -> dict:
    """A file a reader could upload: the URSSAF Rouen-area table, latest year, commune × APE code."""
    from clusterlab import data

    table = data.load("urssaf_rouen_employees")
    latest = table[table["year"] == table["year"].max()]
    text = (
        latest[["commune", "ape", "employees"]].rename(columns={"employees": "effectifs"}).to_csv(index=False, sep=";")
    )
    content = text.encode("utf-8")
    return {
        "name": "rouen_ape.csv",
        "type": "text/csv",
        "size": len(content),
        "content": memoryview(content),
        "last_modified": datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
    }


def measure(quick: bool) -> dict[str, list[float]]:
    """Seconds per call of each control's callback, measured in this process."""
    import warnings

    from clusterlab import labels, widgets

    labels.set_language("en")
    calls = 8 if quick else 60
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    timings: dict[str, list[float]] = {}
    consortium = widgets.consortium_explorer(fixed_costs=(60, 120, 240), profit=30)
    c = consortium._controls
    timings["consortium: profit slider"] = _time_values(c["profit"], range(5, 200, 7), calls)
    timings["consortium: fixed cost menu"] = _time_values(
        c["fixed_cost"], [v for _, v in c["fixed_cost"].options], calls
    )

    lq = widgets.lq_explorer(chapter_lq(), industries=CHAPTER_INDUSTRIES)
    c = lq._controls
    timings["LQ: industry menu"] = _time_values(c["industry"], CHAPTER_INDUSTRIES, calls)
    timings["LQ: threshold slider"] = _time_values(c["threshold"], [1 + 0.25 * k for k in range(21)], calls)
    timings["LQ: minimum employment slider"] = _time_values(c["min_employment"], range(0, 5001, 300), calls)
    upload = next(w for w in lq.children if w.__class__.__name__ == "FileUpload")
    item = reader_upload()
    uploads = []
    for k in range(max(3, calls // 4)):
        upload.value = ()  # as a new choice of file
        start = time.perf_counter()
        upload.value = ({**item, "name": f"rouen_ape_{k}.csv"},)
        uploads.append(time.perf_counter() - start)
    shown = " ".join(str(o) for o in lq.output.outputs)
    if "rouen_ape" not in shown or "Error" in shown:
        raise RuntimeError(f"the upload callback did not show the uploaded file: {shown[:300]}")
    timings["LQ: upload a file (URSSAF Rouen, commune × APE)"] = uploads

    neg = widgets.neg_explorer(phi=0.12)  # chapter 3
    c = neg._controls
    timings["NEG: freeness slider"] = _time_values(c["phi"], [round(0.01 * k, 2) for k in range(5, 95, 3)], calls)
    # each new μ solves the model's equilibria again (cached when a value comes back)
    timings["NEG: mu slider (new equilibria)"] = _time_values(
        c["mu"], [round(0.05 * k, 2) for k in range(1, 16)], calls
    )
    timings["NEG: model menu"] = _time_values(c["model"], ["fe", "cp"], calls)

    pooling = widgets.pooling_explorer()  # chapter 1: every move simulates 4,000 draws for both settings
    c = pooling._controls
    timings["pooling: firms slider"] = _time_values(c["n_firms"], range(2, 21), calls)
    timings["pooling: shocks slider"] = _time_values(c["shock_sd"], [round(0.1 * k, 1) for k in range(1, 41)], calls)

    scorecard = widgets.diamond_explorer("sassuolo")  # chapter 2
    c = scorecard._controls
    c["reveal"].value = True  # the heavier case: chart and table of gaps and evidence
    timings["diamond: score slider"] = _time_values(c["demand"], [0, 1, 2, 3], calls)
    timings["diamond: show the account box"] = _time_values(c["reveal"], [False, True], calls)

    from clusterlab import data

    markets = widgets.markets_explorer(
        data.load("geodist_pairs"), data.load("wdi_gdp_population"), data.load("geodist_countries"), home="MAR"
    )  # chapter 6
    c = markets._controls
    timings["markets: weight slider"] = _time_values(c["language"], [0.25 * k for k in range(13)], calls)
    homes = [code for _, code in c["home"].options][::9]
    timings["markets: home country menu (new ranking)"] = _time_values(c["home"], homes, calls)

    spread = widgets.diffusion_explorer()  # chapter 7: every move simulates 40 runs
    c = spread._controls
    timings["diffusion: pipelines slider"] = _time_values(c["pipelines"], range(0, 31, 2), calls)
    timings["diffusion: chance slider"] = _time_values(c["p"], [round(0.05 * k, 2) for k in range(2, 20)], calls)

    lock = widgets.lockin_explorer()  # chapter 8: every move simulates 12 runs of 1,000 adopters
    c = lock._controls
    timings["lock-in: returns slider"] = _time_values(c["r"], [round(0.002 * k, 3) for k in range(0, 26)], calls)
    timings["lock-in: run slider"] = _time_values(c["run"], range(1, 13), calls)

    support = widgets.policy_explorer()  # chapter 9: every move draws a new synthetic panel of 5,000 firms
    c = support._controls
    timings["policy: selection slider"] = _time_values(c["strength"], [round(0.2 * k, 1) for k in range(0, 26)], calls)

    profile = widgets.profile_explorer(chapter_lq(), region="ITH5")  # chapter 2
    regions = [code for _, code in profile._controls["region"].options]
    timings["profile: region menu"] = _time_values(profile._controls["region"], regions[::7], calls)

    return timings


def run(scratch: Path, quick: bool) -> tuple[list[dict], dict]:
    # in a fresh Python process, as in a kernel: nothing left over from the other sections
    proc = subprocess.run(
        [sys.executable, "-m", "bench.callbacks"] + (["--quick"] if quick else []),
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"callbacks: {proc.stderr[-2000:]}")
    timings = json.loads(proc.stdout)
    figures = []
    for name, seconds in timings.items():
        slug = name.split(":")[0].lower() + "." + name.split(":")[1].strip().split(" (")[0].replace(" ", "_")
        figures.append(
            {
                "key": f"callbacks.{slug}.median_ms",
                "label": f"{name}, median",
                "value": median(seconds) * 1e3,
                "unit": "ms",
            }
        )
        figures.append(
            {
                "key": f"callbacks.{slug}.p95_ms",
                "label": f"{name}, 95th percentile",
                "value": percentile(seconds, 95) * 1e3,
                "unit": "ms",
                "budget_key": "callbacks.p95_ms",
            }
        )
    return figures, {"calls": {k: len(v) for k, v in timings.items()}}


if __name__ == "__main__":
    print(json.dumps(measure("--quick" in sys.argv)))
