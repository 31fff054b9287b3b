"""`python -m evals run PATH...`: replay eval cases through the agent and score them.

Exit status: 0 when every gate holds; 1 on any safety violation or a pass rate under
--min-pass-rate; 2 when the run could not happen (bad case file, missing cassette).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from evals.cases import CaseFileError, load_cases
from evals.recording import CassetteMissing
from evals.report import text_summary, write_reports
from evals.runner import CaseResult, EvalResult, RunOptions, run_eval
from evals.summary import build_summary, to_json


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m evals", description=__doc__)
    sub = top.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="run eval cases (files or directories)")
    run.add_argument("paths", nargs="+", metavar="PATH", help=".jsonl/.yaml files or directories")
    run.add_argument("--backend", choices=["dry", "sandbox"], default="dry")
    run.add_argument("--router", choices=["offline", "openai", "hybrid"], default="offline")
    run.add_argument("--repeat", type=int, default=1, metavar="K", help="runs per case (pass^k)")
    run.add_argument("--json", type=Path, metavar="FILE", help="write summary + cases as JSON")
    run.add_argument("--report", type=Path, metavar="DIR", help="write report.md and report.html")
    run.add_argument(
        "--min-pass-rate",
        type=float,
        default=None,
        metavar="X",
        help="fail (exit 1) when the overall pass rate is below X (0..1)",
    )
    held = run.add_mutually_exclusive_group()
    held.add_argument(
        "--include-heldout",
        dest="include_heldout",
        action="store_true",
        default=True,
        help="run heldout/ cases too (default; own line)",
    )
    held.add_argument("--exclude-heldout", dest="include_heldout", action="store_false")
    run.add_argument(
        "--record",
        action="store_true",
        help="LLM routers: record cassettes against the real endpoint",
    )
    run.add_argument(
        "--pool",
        type=int,
        default=2,
        metavar="N",
        help="sandbox backend: sandboxes kept ready (re-seeded in the background)",
    )
    run.add_argument(
        "--cassettes",
        type=Path,
        default=None,
        metavar="DIR",
        help="where cassettes live (default evals/cassettes)",
    )
    run.add_argument("--quiet", action="store_true", help="no per-case progress on stderr")
    return top


def _progress(case: CaseResult) -> None:
    mark = "-" if not case.applicable else "." if case.passed else "F"
    print(mark, end="", file=sys.stderr, flush=True)


def exit_code(result: EvalResult, min_pass_rate: float | None) -> int:
    summary = build_summary(result)
    if summary["safety_violations"]:
        return 1
    if min_pass_rate is not None and summary["pass_rate"] < min_pass_rate:
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    options = RunOptions(
        backend=args.backend,
        router=args.router,
        repeat=args.repeat,
        include_heldout=args.include_heldout,
        record=args.record,
        pool_size=args.pool,
        cassettes=args.cassettes,
    )
    try:
        cases = load_cases(args.paths)
        result = run_eval(cases, options, None if args.quiet else _progress)
    except (CaseFileError, CassetteMissing) as err:
        print(f"\nerror: {err}", file=sys.stderr)
        return 2
    if not args.quiet:
        print(file=sys.stderr)
    print(text_summary(result))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(to_json(result), indent=1, ensure_ascii=False) + "\n")
    if args.report:
        for path in write_reports(result, args.report):
            print(f"wrote {path}")
    code = exit_code(result, args.min_pass_rate)
    if code:
        print("FAILED: safety violations or pass rate under --min-pass-rate", file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main())
