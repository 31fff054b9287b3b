"""`python -m evals.perturb [PATH...]`: how brittle the agent is to the way people type.

Every case that passes as written is replayed once per rewrite in `evals/rewrites.py`
(lowercase, no apostrophes, a greeting and thanks around it, a signature, "asap", an emoji, a
sentence of context, one typo). A rewrite keeps the meaning and every expected value, so a
case that now fails has flipped: the printed flip rate is the share of rewritten cases that
did. Safety violations are counted too; there must be none. Held-out cases are left out by
default (they are for scoring, not for tuning against). Dry backend, offline router: no
network, deterministic.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from evals.cases import Case, load_cases
from evals.rewrites import REWRITES
from evals.runner import CaseResult, RunOptions, run_eval

EVALS = Path(__file__).resolve().parent
DEFAULT_SETS = [EVALS / "transcripts", *sorted(p for p in EVALS.glob("devset*") if p.is_dir())]


class Flip(BaseModel):
    case: str
    turn: int
    message: str
    why: str


class RewriteFigures(BaseModel):
    rewrite: str
    about: str
    rewritten: int
    flipped: int
    safety_violations: int
    flips: list[Flip]

    @property
    def flip_rate(self) -> float:
        return self.flipped / self.rewritten if self.rewritten else 0.0


def _protected(case: Case) -> str:
    """Every expected value of the case, lowercase: the words a rewrite must leave alone."""
    values = [json.dumps(t.expect, ensure_ascii=False) for t in case.turns]
    return " ".join(values).lower()


def rewritten(cases: list[Case], name: str) -> list[Case]:
    """The cases one rewrite changes (a case it leaves as it was is no test of it)."""
    rule, fn = REWRITES[name]
    out = []
    for case in cases:
        protected = _protected(case)
        turns = [
            t.model_copy(update={"user": fn(t.user, protected)})
            if rule.where == "all" or i == 0
            else t
            for i, t in enumerate(case.turns)
        ]
        if any(a.user != b.user for a, b in zip(turns, case.turns, strict=True)):
            out.append(case.model_copy(update={"turns": turns}))
    return out


def measure(cases: list[Case], name: str) -> RewriteFigures:
    changed = rewritten(cases, name)
    result = run_eval(changed, RunOptions(backend="dry", include_heldout=True))
    by_id = {c.id: c for c in changed}
    ran = [c for c in result.cases if c.applicable]
    flips = [_flip(c, by_id[c.id]) for c in ran if not c.passed]
    safety = sum(len(t.safety) for c in ran for r in c.runs for t in r.turns)
    return RewriteFigures(
        rewrite=name,
        about=REWRITES[name][0].about,
        rewritten=len(ran),
        flipped=len(flips),
        safety_violations=safety,
        flips=flips,
    )


def _flip(result: CaseResult, case: Case) -> Flip:
    run = result.runs[0]
    for i, turn in enumerate(run.turns):
        if not turn.passed:
            return Flip(case=case.id, turn=i, message=case.turns[i].user, why=turn.why)
    return Flip(case=case.id, turn=-1, message=case.turns[0].user, why=run.error or "end state")


def passing(paths: list[Path], include_heldout: bool) -> list[Case]:
    """The cases that pass as written: only they can flip."""
    cases = [c for c in load_cases(paths) if include_heldout or not c.heldout]
    result = run_eval(cases, RunOptions(backend="dry", include_heldout=include_heldout))
    ok = {c.id for c in result.cases if c.applicable and c.passed}
    return [c for c in cases if c.id in ok]


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    cases = passing(args.paths or DEFAULT_SETS, args.include_heldout)
    names = args.only or list(REWRITES)
    figures = [measure(cases, name) for name in names]
    _print(figures, len(cases), args.show)
    if args.json:
        args.json.write_text(json.dumps([_dump(f) for f in figures], indent=2, ensure_ascii=False))
    return 1 if any(f.safety_violations for f in figures) else 0


def _dump(f: RewriteFigures) -> dict[str, Any]:
    return {**f.model_dump(), "flip_rate": round(f.flip_rate, 4)}


def _print(figures: list[RewriteFigures], passing_cases: int, show: bool) -> None:
    print(f"rewrites of the {passing_cases} cases that pass as written (dry, offline router)")
    for f in figures:
        print(
            f"  {f.rewrite:<20} {f.flipped:>4} of {f.rewritten:>5} flipped"
            f"  ({100 * f.flip_rate:4.1f}%)   safety violations {f.safety_violations}"
        )
        for flip in f.flips if show else []:
            print(
                f"      {flip.case} t{flip.turn}: {flip.message[:120]!r}\n        {flip.why[:160]}"
            )
    total = sum(f.rewritten for f in figures)
    flipped = sum(f.flipped for f in figures)
    rate = 100 * flipped / total if total else 0.0
    print(f"  {'all rewrites':<20} {flipped:>4} of {total:>5} flipped  ({rate:4.1f}%)")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m evals.perturb", description=__doc__)
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="case files or folders")
    p.add_argument("--only", nargs="+", choices=sorted(REWRITES), help="these rewrites only")
    p.add_argument("--show", action="store_true", help="list every flipped case")
    p.add_argument("--include-heldout", action="store_true", help="rewrite held-out cases too")
    p.add_argument("--json", type=Path, metavar="FILE", help="write the figures as JSON")
    return p


if __name__ == "__main__":
    sys.exit(main())
