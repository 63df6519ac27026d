"""Porter's diamond as a scorecard: a reader's scores for a case, compared with a published account.

Porter (1990) explains a nation's (or a region's) competitive advantage in an industry by four
determinants, which reinforce one another, and two outside influences:

* ``factors``: factor conditions (skilled labour, infrastructure, knowledge; above all specialised
  factors that the place creates, and selective disadvantages that push firms to innovate);
* ``demand``: home demand conditions (sophisticated, demanding local buyers);
* ``related``: related and supporting industries (competitive local suppliers and neighbours);
* ``rivalry``: firm strategy, structure and rivalry (vigorous local competition);
* ``chance`` and ``government``: events outside the firms' control, and public policy, which act
  through the four determinants.

A score says how much the determinant contributes to the cluster's advantage, from 0 (nothing,
or a handicap) to 3 (a major source). Scores are a teaching device, not a measurement: a case's
reference scores are this book's reading of the published account it cites, and each comes with
the evidence from that account (:func:`clusterlab.labels.label` of ``diamond.<case>.<determinant>``).
"""

from __future__ import annotations

import numbers
from collections.abc import Mapping

import pandas as pd

from clusterlab import labels
from clusterlab.errors import InputError, InputTypeError

#: The four determinants, then the two outside influences, in Porter's order.
DETERMINANTS = ("factors", "demand", "related", "rivalry", "chance", "government")
LOW, HIGH = 0, 3

#: Published accounts a reader can compare their scores with. ``source`` is a key of the book's
#: bibliography; the evidence for each score is in the labels (``diamond.<case>.<determinant>``).
CASES: dict[str, dict] = {
    "sassuolo": {
        "source": "enright_tenti_tiles",
        "scores": {"factors": 2, "demand": 3, "related": 3, "rivalry": 3, "chance": 0, "government": 0},
    },
}


def check_scores(scores: Mapping[str, int]) -> dict[str, int]:
    """The scores as a plain dict, in Porter's order; :class:`ValueError` saying what to fix when a
    determinant is missing or unknown, or a score is not a whole number from 0 to 3."""
    if not isinstance(scores, Mapping):
        raise InputTypeError("models.diamond.not_a_mapping", determinants=DETERMINANTS, kind=type(scores).__name__)
    missing = [k for k in DETERMINANTS if k not in scores]
    unknown = sorted(str(k) for k in scores if k not in DETERMINANTS)
    if missing or unknown:
        parts = [
            labels.plural(f"models.diamond.{what}", len(names), names=names)
            for what, names in (("missing", missing), ("unknown", unknown))
            if names
        ]
        problems = labels.label("models.diamond.separator").join(parts)
        raise InputError("models.diamond.determinants", problems=problems, determinants=list(DETERMINANTS))
    checked = {}
    for key in DETERMINANTS:
        value = scores[key]
        if isinstance(value, bool) or not isinstance(value, numbers.Integral) or not LOW <= value <= HIGH:
            raise InputError("models.diamond.score", determinant=key, low=LOW, high=HIGH, value=value)
        checked[key] = int(value)
    return checked


def case_study(case: str) -> dict:
    if case not in CASES:
        raise InputError("models.diamond.unknown_case", case=case, cases=sorted(CASES))
    return CASES[case]


def compare(scores: Mapping[str, int], case: str = "sassuolo") -> pd.DataFrame:
    """One row per determinant: the reader's score, the reference score of ``case`` and the gap
    (yours − reference)."""
    mine = check_scores(scores)
    reference = case_study(case)["scores"]
    return pd.DataFrame(
        {
            "determinant": list(DETERMINANTS),
            "yours": [mine[k] for k in DETERMINANTS],
            "reference": [reference[k] for k in DETERMINANTS],
            "gap": [mine[k] - reference[k] for k in DETERMINANTS],
        }
    )


def distance(scores: Mapping[str, int], case: str = "sassuolo") -> int:
    """How far the reader's scores are from the reference: the sum of the absolute gaps."""
    return int(compare(scores, case)["gap"].abs().sum())
