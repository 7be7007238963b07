"""``python -m timeline.extract.eval <subcommand>``: run one evaluation and update docs/quality.md.

Each subcommand lives in its own module exposing ``add_arguments(parser)`` and
``run(args) -> int``; modules are imported only when their subcommand runs,
so a broken evaluation never blocks the others.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sys

SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "quotes": ("timeline.extract.eval.quotes", "statements vs PolNeAR dev (+ naive baseline)"),
    "extract": ("timeline.extract.eval.seed", "statements/events vs the seed gold article"),
    "temporal": ("timeline.extract.eval.temporal", "time expressions vs TempEval-3 TBAQ + seed"),
    "events": ("timeline.extract.eval.events", "events vs the seed and the events dev set"),
    "pages": ("timeline.extract.eval.pages", "article text and dates from real web pages"),
}


def main(argv: list[str] | None = None) -> int:
    """Parse the subcommand and run it."""
    parser = argparse.ArgumentParser(prog="python -m timeline.extract.eval")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, (module, help_text) in SUBCOMMANDS.items():
        p = sub.add_parser(name, help=help_text)
        p.set_defaults(_module=module)
        with contextlib.suppress(ImportError):
            importlib.import_module(module).add_arguments(p)
    args = parser.parse_args(argv)
    code: int = importlib.import_module(args._module).run(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
