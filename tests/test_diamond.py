"""Porter's diamond as a scorecard (clusterlab.models.diamond)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clusterlab import labels
from clusterlab.errors import InputError
from clusterlab.models import diamond

scores = st.fixed_dictionaries({key: st.integers(diamond.LOW, diamond.HIGH) for key in diamond.DETERMINANTS})


def test_six_determinants_in_porter_s_order():
    assert diamond.DETERMINANTS == ("factors", "demand", "related", "rivalry", "chance", "government")


@given(scores)
def test_compare_gives_each_determinant_its_gap(mine):
    case = diamond.CASES["sassuolo"]
    table = diamond.compare(mine, "sassuolo")
    assert list(table["determinant"]) == list(diamond.DETERMINANTS)
    for row in table.itertuples():
        assert row.yours == mine[row.determinant]
        assert row.reference == case["scores"][row.determinant]
        assert row.gap == row.yours - row.reference
    assert diamond.distance(mine, "sassuolo") == sum(abs(g) for g in table["gap"])


def test_the_reference_agrees_with_itself():
    reference = diamond.CASES["sassuolo"]["scores"]
    assert diamond.distance(reference, "sassuolo") == 0
    assert (diamond.compare(reference, "sassuolo")["gap"] == 0).all()


def test_every_case_has_a_score_and_evidence_in_both_languages_for_every_determinant():
    for name, case in diamond.CASES.items():
        assert set(case["scores"]) == set(diamond.DETERMINANTS)
        assert all(diamond.LOW <= v <= diamond.HIGH for v in case["scores"].values())
        for key in diamond.DETERMINANTS:
            for language in labels.LANGUAGES:
                assert labels.label(f"diamond.{name}.{key}", language).strip()
                assert labels.label(f"diamond.{key}", language).strip()


@pytest.mark.parametrize(
    "given_scores, code, message",
    [
        ({"factors": 1}, "models.diamond.determinants", "missing determinants.*demand"),
        (
            {**{k: 1 for k in diamond.DETERMINANTS}, "luck": 2},
            "models.diamond.determinants",
            "unknown determinant .*luck",
        ),
        (
            {**{k: 1 for k in diamond.DETERMINANTS}, "demand": 4},
            "models.diamond.score",
            "'demand'.*whole number from 0 to 3.*4",
        ),
        ({**{k: 1 for k in diamond.DETERMINANTS}, "rivalry": 1.5}, "models.diamond.score", "rivalry.*whole number"),
        ({**{k: 1 for k in diamond.DETERMINANTS}, "chance": True}, "models.diamond.score", "chance.*whole number"),
        ([1, 2, 3], "models.diamond.not_a_mapping", "scores must map each determinant"),
    ],
)
def test_bad_scores_are_refused_with_what_to_fix(given_scores, code, message):
    with pytest.raises(InputError, match=message) as err:
        diamond.compare(given_scores, "sassuolo")
    assert err.value.code == code


def test_unknown_case_names_the_known_ones():
    with pytest.raises(InputError, match="sassuolo") as err:
        diamond.compare({k: 1 for k in diamond.DETERMINANTS}, "silicon-valley")
    assert err.value.code == "models.diamond.unknown_case"
