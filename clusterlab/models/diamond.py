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

Silence is not a zero. Where the published account says nothing of a determinant, its reference
score is ``None`` (:data:`SILENT`): the determinant is *not assessed*. The reader still scores it, the
comparison keeps its row, but it has no gap and does not count in :func:`distance`, whose maximum is
then 3 points per assessed determinant (:func:`most`).
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
#: The reference score of a determinant on which the published account is silent (not assessed)
SILENT = None

#: Published accounts a reader can compare their scores with. ``source`` is a key of the book's
#: bibliography; the evidence for each score is in the labels (``diamond.<case>.<determinant>``).
CASES: dict[str, dict] = {
    "sassuolo": {
        "source": "enright_tenti_tiles",
        # the account's summary does not mention chance or government: not assessed (silence is not a zero)
        "scores": {"factors": 2, "demand": 3, "related": 3, "rivalry": 3, "chance": SILENT, "government": SILENT},
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
    """The case ``case`` of :data:`CASES`, its reference checked: every determinant scored from 0 to 3
    or marked :data:`SILENT`, and at least one assessed; :class:`~clusterlab.errors.InputError` saying what to fix otherwise."""
    if case not in CASES:
        raise InputError("models.diamond.unknown_case", case=case, cases=sorted(CASES))
    found = CASES[case]
    reference = found["scores"]
    for key in DETERMINANTS:
        value = reference.get(key, "missing") if isinstance(reference, Mapping) else "missing"
        if value is SILENT:
            continue
        if isinstance(value, bool) or not isinstance(value, numbers.Integral) or not LOW <= value <= HIGH:
            raise InputError("models.diamond.reference", case=case, determinant=key, low=LOW, high=HIGH, value=value)
    if all(reference[k] is SILENT for k in DETERMINANTS):
        raise InputError("models.diamond.nothing_assessed", case=case)
    return found


def assessed(case: str = "sassuolo") -> tuple[str, ...]:
    """The determinants the published account of ``case`` assesses, in Porter's order."""
    reference = case_study(case)["scores"]
    return tuple(k for k in DETERMINANTS if reference[k] is not SILENT)


def silent(case: str = "sassuolo") -> tuple[str, ...]:
    """The determinants on which the published account of ``case`` is silent: not assessed."""
    reference = case_study(case)["scores"]
    return tuple(k for k in DETERMINANTS if reference[k] is SILENT)


def most(case: str = "sassuolo") -> int:
    """The largest possible :func:`distance`: ``HIGH - LOW`` points for each assessed determinant."""
    return len(assessed(case)) * (HIGH - LOW)


def compare(scores: Mapping[str, int], case: str = "sassuolo") -> pd.DataFrame:
    """One row per determinant, all six kept: the reader's score, the reference score of ``case``, the
    gap (yours − reference) and whether the account assesses it. Where the account is silent
    (``assessed`` False), ``reference`` and ``gap`` are missing (``<NA>``), not 0."""
    mine = check_scores(scores)
    reference = case_study(case)["scores"]
    return pd.DataFrame(
        {
            "determinant": list(DETERMINANTS),
            "yours": [mine[k] for k in DETERMINANTS],
            "reference": pd.array([reference[k] for k in DETERMINANTS], dtype="Int64"),
            "gap": pd.array(
                [None if reference[k] is SILENT else mine[k] - reference[k] for k in DETERMINANTS], dtype="Int64"
            ),
            "assessed": [reference[k] is not SILENT for k in DETERMINANTS],
        }
    )


def distance(scores: Mapping[str, int], case: str = "sassuolo") -> int:
    """How far the reader's scores are from the reference: the sum of the absolute gaps over the
    determinants the account assesses (from 0 to :func:`most`); a silent determinant never counts."""
    return int(compare(scores, case)["gap"].abs().sum(skipna=True))


def account_table(case: str = "sassuolo", scores: Mapping[str, int] | None = None) -> pd.DataFrame:
    """The comparison as the reader sees it, every word through :mod:`clusterlab.labels`: the name of each
    determinant, the reference score (or "not assessed" where the account is silent), the evidence
    from the account and, with ``scores``, the reader's score and the gap (or "not counted")."""
    if scores is None:
        reference = case_study(case)["scores"]
        table = pd.DataFrame({"determinant": list(DETERMINANTS), "reference": [reference[k] for k in DETERMINANTS]})
        table["assessed"] = [reference[k] is not SILENT for k in DETERMINANTS]
    else:
        table = compare(scores, case)
    shown = pd.DataFrame({"determinant": table["determinant"]})
    shown["name"] = [labels.label(f"diamond.{k}") for k in DETERMINANTS]
    if scores is not None:
        shown["yours"] = table["yours"]
    shown["reference"] = [
        labels.fmt_number(int(v)) if ok else labels.label("diamond.not_assessed")
        for v, ok in zip(table["reference"], table["assessed"], strict=True)
    ]
    if scores is not None:
        shown["gap"] = [
            labels.fmt_number(int(v)) if ok else labels.label("diamond.not_counted")
            for v, ok in zip(table["gap"], table["assessed"], strict=True)
        ]
    shown["evidence"] = [labels.label(f"diamond.{case}.{k}") for k in DETERMINANTS]
    return shown


def silent_note(case: str = "sassuolo", language: str | None = None) -> str:
    """The feedback line for the determinants the account does not assess ("" when it assesses all)."""
    names = [labels.label(f"diamond.{k}", language) for k in silent(case)]
    if not names:
        return ""
    return labels.message("diamond.silent_note", language, names=", ".join(names))
