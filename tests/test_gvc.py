"""Value chain governance from three variables (clusterlab.models.gvc)."""

import itertools

import pytest

from clusterlab.models import gvc


def test_the_five_types_of_gereffi_humphrey_and_sturgeon():
    assert gvc.governance("low", "high", "high") == "market"
    assert gvc.governance("high", "high", "high") == "modular"
    assert gvc.governance("high", "low", "high") == "relational"
    assert gvc.governance("high", "high", "low") == "captive"
    assert gvc.governance("high", "low", "low") == "hierarchy"


def test_every_combination_has_an_answer_and_five_give_a_type():
    answers = [gvc.governance(*combo) for combo in itertools.product(("high", "low"), repeat=3)]
    assert sorted(a for a in answers if a in gvc.TYPES) == sorted(gvc.TYPES)
    assert answers.count("none") == 3
    assert {combo for combo in itertools.product(("high", "low"), repeat=3) if gvc.governance(*combo) == "none"} == {
        ("low", "low", "high"),
        ("low", "low", "low"),
        ("low", "high", "low"),
    }
    frame = gvc.table_frame()
    assert len(frame) == 8 and frame["rank"].dropna().astype(int).tolist() == [1, 2, 3, 4, 5]


def test_booleans_and_spelling():
    assert gvc.governance(True, False, True) == "relational"
    assert gvc.governance(" High", "HIGH", "low ") == "captive"
    with pytest.raises(ValueError, match="codifiability must be 'high' or 'low'"):
        gvc.governance("high", "medium", "low")
