"""Scale: a reader's whole-country file, read with ``clusterlab.data.read_employment`` and turned into a
location-quotient table with ``clusterlab.measures.lq_table``, as the upload button of chapter 4 does.

The files are generated (seeded) in the long layout of a French export: ``Commune;Code APE;Effectifs``,
one row per commune and APE code, rows in random order, 1 % of counts blank (secret) and many
zeros. Each size runs in a fresh Python process, so its peak memory (the process's maximum
resident set size, imports included) is its own.

    python -m bench.scale FILE     # time one file (used by the benchmark), prints JSON
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from bookbuild.editions import ROOT

INDUSTRIES = 500  # APE codes per commune (the French APE nomenclature has 732)
FULL_SIZES = (10_000, 100_000, 1_000_000)
QUICK_SIZES = (1_000, 10_000, 100_000)


def write_file(rows: int, path: Path, seed: int = 2026) -> Path:
    """A long-layout employment file of ``rows`` rows (a multiple of 500): communes × APE codes."""
    if rows % INDUSTRIES:
        raise ValueError(f"rows must be a multiple of {INDUSTRIES}")
    rng = np.random.default_rng(seed)
    communes = np.char.add("C", np.char.zfill(np.arange(rows // INDUSTRIES).astype(str), 5))
    apes = np.char.add(np.char.zfill(np.arange(INDUSTRIES).astype(str), 4), "Z")
    region = np.repeat(communes, INDUSTRIES)
    industry = np.tile(apes, rows // INDUSTRIES)
    counts = np.floor(rng.lognormal(mean=1.0, sigma=1.6, size=rows) * (rng.random(rows) < 0.6)).astype(np.int64)
    # every commune and every APE code employs somebody (in the first commune, in the first APE code),
    # so that each has a location quotient; blanks are drawn among the other cells
    guard = np.zeros(rows, dtype=bool)
    guard[::INDUSTRIES] = guard[:INDUSTRIES] = True
    counts[guard] += 1
    text = counts.astype(str).astype(object)
    text[(rng.random(rows) < 0.01) & ~guard] = ""
    order = rng.permutation(rows)
    with path.open("w", encoding="utf-8") as out:
        out.write("Commune;Code APE;Effectifs\n")
        out.writelines(f"{r};{i};{c}\n" for r, i, c in zip(region[order], industry[order], text[order]))
    return path


def peak_memory() -> int:
    """This process's peak resident memory in bytes (``VmHWM``: since it started its program, unlike
    ``ru_maxrss``, which may count the memory of the parent it was forked from)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError("no VmHWM in /proc/self/status: the memory figure needs Linux")


def measure(path: Path) -> dict:
    """Read and measure ``path`` in this process; seconds of each step and the peak memory."""
    from clusterlab import data, measures

    start = time.perf_counter()
    tidy = data.read_employment(path)
    read = time.perf_counter() - start
    table = measures.lq_table(tidy.dropna(subset=["employment"]))
    seconds = time.perf_counter() - start
    if len(table) != len(tidy) - tidy.attrs["missing"]:
        raise RuntimeError("the LQ table does not have one row per counted cell")
    peak = peak_memory()
    return {"rows": tidy.attrs["rows"], "read_s": read, "seconds": seconds, "peak_bytes": peak}


def run(scratch: Path, quick: bool) -> tuple[list[dict], dict]:
    sizes = QUICK_SIZES if quick else FULL_SIZES
    scratch.mkdir(parents=True, exist_ok=True)
    results = {}
    repeat = 1 if quick else 3
    for rows in sizes:
        path = write_file(rows, scratch / f"employment_{rows}.csv")
        runs = []
        for _ in range(repeat):
            proc = subprocess.run(
                [sys.executable, "-m", "bench.scale", str(path)], capture_output=True, text=True, check=False, cwd=ROOT
            )
            if proc.returncode != 0:
                raise RuntimeError(f"{rows} rows: {proc.stderr[-2000:]}")
            runs.append(json.loads(proc.stdout))
        # the median time of the runs, the largest peak memory
        results[rows] = {
            **sorted(runs, key=lambda r: r["seconds"])[len(runs) // 2],
            "peak_bytes": max(r["peak_bytes"] for r in runs),
            "runs": len(runs),
        }
        path.unlink()
    figures = []
    for rows, r in results.items():
        figures += [
            {"key": f"scale.{rows}.s", "label": f"{rows:,} rows: read + LQ table", "value": r["seconds"], "unit": "s"},
            {
                "key": f"scale.{rows}.peak_MB",
                "label": f"{rows:,} rows: peak memory (whole process)",
                "value": r["peak_bytes"] / 1e6,
                "unit": "MB",
            },
            {
                "key": f"scale.{rows}.us_per_row",
                "label": f"{rows:,} rows: time per row",
                "value": r["seconds"] / rows * 1e6,
                "unit": "µs",
            },
        ]
    small, large = sizes[-2], sizes[-1]
    growth = (results[large]["seconds"] / large) / (results[small]["seconds"] / small)
    figures.append(
        {"key": "scale.growth", "label": f"time per row, {large:,} / {small:,} rows", "value": growth, "unit": "×"}
    )
    return figures, {"sizes": {str(k): v for k, v in results.items()}, "industries": INDUSTRIES}


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]))))
