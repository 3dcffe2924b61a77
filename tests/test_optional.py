"""tests.optional: a missing optional package skips, unless the run requires it."""

from __future__ import annotations

import pytest

from tests.optional import optional_module

MISSING = "collatio_no_such_module"


@pytest.mark.parametrize(
    ("required", "outcome"),
    [
        ("", pytest.skip.Exception),  # nothing required: the test skips
        ("numpy", pytest.skip.Exception),  # another module required: this one still skips
        (f"numpy, {MISSING}", ModuleNotFoundError),  # required: the test fails loudly
    ],
)
def test_a_missing_module_skips_or_fails(
    monkeypatch: pytest.MonkeyPatch, required: str, outcome: type[BaseException]
) -> None:
    monkeypatch.setenv("COLLATIO_REQUIRE", required)
    with pytest.raises(outcome):
        optional_module(MISSING)


def test_a_present_module_is_returned() -> None:
    assert optional_module("json").__name__ == "json"
