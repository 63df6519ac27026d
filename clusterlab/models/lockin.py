"""Path dependence and lock-in: Arthur's (1989) competing technologies, and the Pólya urn.

**Arthur's model.** Two technologies, A and B, are adopted one agent at a time. Each arriving
agent is, with probability ½, an R-agent or an S-agent. An agent's payoff from a technology is
its natural preference for it plus ``r`` (R-agents) or ``s`` (S-agents) for each earlier adopter
of the same technology: ::

    R-agent:  a_R + r·n_A  for A,   b_R + r·n_B  for B      (a_R > b_R: R-agents prefer A)
    S-agent:  a_S + s·n_A  for A,   b_S + s·n_B  for B      (b_S > a_S: S-agents prefer B)

Each agent takes the technology that pays more (its natural preference on a tie). With
d = n_A − n_B, an R-agent switches to B once ``d < −(a_R − b_R)/r`` and an S-agent switches to A
once ``d > (b_S − a_S)/s``. These are absorbing barriers (:func:`barriers`): once ``d`` crosses
one, every later agent picks the same technology and the market is locked in. With increasing
returns (``r, s > 0``) the difference ``d`` is a random walk between the barriers until it leaves,
so lock-in happens with probability one; with constant returns (``r = s = 0``) there is no
barrier and each technology keeps about half the market.

**The Pólya urn.** An urn holds ``a`` red and ``b`` blue balls; a ball is drawn at random and put
back with another ball of its colour. The share of red balls converges, run by run, to a limit
that is itself random, with the Beta(a, b) distribution (mean a / (a + b)); from (1, 1) the
number of red balls drawn in ``n`` draws is uniform on 0, …, n. Early draws decide where a run
settles: the simplest picture of path dependence.

Both are didactic simulations written for this book; every run is seeded.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd

from clusterlab import checks
from clusterlab.errors import InputError


def _preferences(a_R, b_R, a_S, b_S, r, s):
    a_R, b_R, a_S, b_S, r = (
        checks.number(n, v) for n, v in (("a_R", a_R), ("b_R", b_R), ("a_S", a_S), ("b_S", b_S), ("r", r))
    )
    s = r if s is None else checks.number("s", s)
    if a_R <= b_R:
        raise InputError("models.lockin.r_prefers_a", a_R=a_R, b_R=b_R)
    if b_S <= a_S:
        raise InputError("models.lockin.s_prefers_b", a_S=a_S, b_S=b_S)
    if r < 0 or s < 0:
        raise InputError("models.lockin.diminishing_returns", r=r, s=s)
    return a_R, b_R, a_S, b_S, r, s


def barriers(
    a_R: float = 1.0, b_R: float = 0.8, a_S: float = 0.8, b_S: float = 1.0, r: float = 0.01, s: float | None = None
) -> tuple[float, float]:
    """The absorbing barriers ``(lower, upper)`` on the adoption difference ``d = n_A − n_B``.

    ``lower = −(a_R − b_R)/r``: below it, R-agents too choose B (lock-in to B);
    ``upper = (b_S − a_S)/s``: above it, S-agents too choose A (lock-in to A).
    With constant returns (``r`` or ``s`` = 0) the corresponding barrier is infinite.
    ``s`` defaults to ``r``.
    """
    a_R, b_R, a_S, b_S, r, s = _preferences(a_R, b_R, a_S, b_S, r, s)
    # rounded to 1e-9 so that textbook values give whole barriers (0.2 / 0.01 is 19.999999999999996 in
    # floating point): a payoff gap smaller than that counts as a tie
    lower = round(-(a_R - b_R) / r, 9) if r > 0 else -math.inf
    upper = round((b_S - a_S) / s, 9) if s > 0 else math.inf
    return lower, upper


def win_probability(
    a_R: float = 1.0, b_R: float = 0.8, a_S: float = 0.8, b_S: float = 1.0, r: float = 0.01, s: float | None = None
) -> float:
    """Arthur's probability that A takes the market under increasing returns,
    ``s·(a_R − b_R) / (s·(a_R − b_R) + r·(b_S − a_S))``: the chance that a fair random walk from 0 reaches
    the upper barrier before the lower one (with continuous barriers; whole-number steps shift it slightly)."""
    a_R, b_R, a_S, b_S, r, s = _preferences(a_R, b_R, a_S, b_S, r, s)
    if r == 0 or s == 0:
        raise InputError("models.lockin.constant_returns")
    return s * (a_R - b_R) / (s * (a_R - b_R) + r * (b_S - a_S))


def arthur_path(
    adopters: int = 1000,
    a_R: float = 1.0,
    b_R: float = 0.8,
    a_S: float = 0.8,
    b_S: float = 1.0,
    r: float = 0.01,
    s: float | None = None,
    seed: int = 0,
) -> pd.DataFrame:
    """One run of Arthur's model: a row per adopter.

    Columns: ``adopter`` (1, 2, …), ``agent`` ("R" or "S"), ``choice`` ("A" or "B"), ``n_A``, ``n_B``,
    ``difference`` (n_A − n_B after this adoption), ``share_A`` and ``locked`` ("A", "B" or "" while no
    barrier has been crossed). Seeded: the same arguments give the same run.
    """
    adopters = checks.whole("adopters", adopters, 1)
    a_R, b_R, a_S, b_S, r, s = _preferences(a_R, b_R, a_S, b_S, r, s)
    rng = np.random.default_rng(seed)
    is_r = rng.random(adopters) < 0.5
    lower, upper = barriers(a_R, b_R, a_S, b_S, r, s)
    # An R-agent takes A while a_R + r·n_A ≥ b_R + r·n_B, i.e. d ≥ lower; an S-agent takes A only when
    # a_S + s·n_A > b_S + s·n_B, i.e. d > upper (ties go to the natural preference).
    choices = np.empty(adopters, dtype="<U1")
    d = 0
    for k in range(adopters):
        pick_a = d >= lower if is_r[k] else d > upper
        choices[k] = "A" if pick_a else "B"
        d += 1 if pick_a else -1
    n_A = np.cumsum(choices == "A")
    n_B = np.arange(1, adopters + 1) - n_A
    diff = n_A - n_B
    state = np.where(diff > upper, "A", np.where(diff < lower, "B", ""))
    first = np.flatnonzero(state != "")
    locked = np.full(adopters, "", dtype="<U1")
    if first.size:
        locked[first[0] :] = state[first[0]]
    return pd.DataFrame(
        {
            "adopter": np.arange(1, adopters + 1),
            "agent": np.where(is_r, "R", "S"),
            "choice": choices,
            "n_A": n_A,
            "n_B": n_B,
            "difference": diff,
            "share_A": n_A / np.arange(1, adopters + 1),
            "locked": locked,
        }
    )


def lock_in(path: pd.DataFrame) -> tuple[str, int] | None:
    """``(technology, adopter)`` at which a run of :func:`arthur_path` locks in, or ``None`` if it has not."""
    for column in ("adopter", "locked"):
        if column not in path.columns:
            raise InputError("models.lockin.path_column", column=column)
    hit = path[path["locked"] != ""]
    if hit.empty:
        return None
    row = hit.iloc[0]
    return str(row["locked"]), int(row["adopter"])


def polya_path(draws: int = 500, red: int = 1, blue: int = 1, seed: int = 0) -> pd.DataFrame:
    """One run of the Pólya urn from ``red`` and ``blue`` balls: a row per draw with the ``colour`` drawn
    and the share of red balls in the urn after it (``share_red``). Seeded."""
    draws = checks.whole("draws", draws, 1)
    red = checks.whole("red", red, 1)
    blue = checks.whole("blue", blue, 1)
    rng = np.random.default_rng(seed)
    u = rng.random(draws)
    colours = np.empty(draws, dtype="<U4")
    r, b = red, blue
    for k in range(draws):
        if u[k] < r / (r + b):
            colours[k], r = "red", r + 1
        else:
            colours[k], b = "blue", b + 1
    reds = red + np.cumsum(colours == "red")
    total = red + blue + np.arange(1, draws + 1)
    return pd.DataFrame({"draw": np.arange(1, draws + 1), "colour": colours, "share_red": reds / total})


def polya_shares(runs: int = 1000, draws: int = 500, red: int = 1, blue: int = 1, seed: int = 0) -> np.ndarray:
    """The share of red balls after ``draws`` draws, for ``runs`` independent runs (vectorised; seeded)."""
    runs = checks.whole("runs", runs, 1)
    draws = checks.whole("draws", draws, 1)
    red = checks.whole("red", red, 1)
    blue = checks.whole("blue", blue, 1)
    rng = np.random.default_rng(seed)
    r = np.full(runs, float(red))
    total = float(red + blue)
    for _ in range(draws):
        r += rng.random(runs) < r / total
        total += 1
    return r / total


def polya_limit(red: int = 1, blue: int = 1) -> tuple[float, float]:
    """Mean and variance of the limiting share of red balls, Beta(red, blue):
    ``a / (a + b)`` and ``a·b / ((a + b)²·(a + b + 1))``."""
    a = checks.whole("red", red, 1)
    b = checks.whole("blue", blue, 1)
    return a / (a + b), a * b / ((a + b) ** 2 * (a + b + 1))


ARTHUR_RETURNS = (0.0, 0.005, 0.01, 0.02)
#: The chart shows the adoption difference up to this size; a run that locks in leaves it.
ARTHUR_SPAN = 60


def arthur_data(
    returns: Sequence[float] = ARTHUR_RETURNS, runs: int = 12, adopters: int = 1000, every: int = 10, **preferences
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """What :func:`~clusterlab.charts.arthur_chart` draws, from :func:`arthur_path` (seeds 1 to ``runs``).

    Returns ``(paths, runs_table)``: the adoption difference n_A − n_B every ``every`` adopters (a path
    stops once it is more than :data:`ARTHUR_SPAN` from 0, off the chart), and for each run the
    barriers, the technology it locked into ("" if none) and when (0 if never).
    """

    paths, table = [], []
    for r in returns:
        lower, upper = barriers(r=float(r), **preferences)
        for run in range(1, runs + 1):
            path = arthur_path(adopters, r=float(r), seed=run, **preferences)
            keep = path[(path["adopter"] % every == 0) | (path["adopter"] == 1)]
            outside = np.flatnonzero(keep["difference"].abs().to_numpy() > ARTHUR_SPAN)
            if outside.size:
                keep = keep.iloc[: outside[0] + 1]
            paths.append(
                pd.DataFrame(
                    {"r": float(r), "run": run, "n": keep["adopter"].to_numpy(), "d": keep["difference"].to_numpy()}
                )
            )
            hit = lock_in(path)
            table.append(
                {
                    "r": float(r),
                    "run": run,
                    "lower": lower if np.isfinite(lower) else None,
                    "upper": upper if np.isfinite(upper) else None,
                    "tech": hit[0] if hit else "",
                    "at": hit[1] if hit else 0,
                }
            )
    return pd.concat(paths, ignore_index=True), pd.DataFrame(table)


def urn_data(runs: int = 12, draws: int = 500, red: int = 1, blue: int = 1, every: int = 5) -> pd.DataFrame:
    """What :func:`~clusterlab.charts.urn_chart` draws: the share of red balls every ``every`` draws, runs seeded
    1 to ``runs``."""

    frames = []
    for run in range(1, runs + 1):
        path = polya_path(draws, red, blue, seed=run)
        keep = path[(path["draw"] % every == 0) | (path["draw"] == 1)]
        frames.append(
            pd.DataFrame(
                {"run": run, "draw": keep["draw"].to_numpy(), "share": (100 * keep["share_red"]).round(2).to_numpy()}
            )
        )
    return pd.concat(frames, ignore_index=True)
