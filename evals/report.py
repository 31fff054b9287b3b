"""Reports of an eval run: a table for the terminal, Markdown, and a self-contained HTML page
(inline SVG chart, no scripts or external files) that can be attached to a CI run."""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

from evals.runner import EvalResult
from evals.summary import build_summary, case_json


def _pct(rate: float) -> str:
    return f"{rate * 100:.1f}%"


def _share(part: dict[str, Any]) -> str:
    if not part["cases"]:
        return "no cases run"
    return f"{part['passed']}/{part['cases']} ({_pct(part['pass_rate'])})"


def headline(s: dict[str, Any]) -> list[tuple[str, str]]:
    """The lines every report starts with, in this order."""
    rows = [
        (
            "overall",
            f"{s['passed']}/{s['cases']} cases ({_pct(s['pass_rate'])}), "
            f"{s['turns_passed']}/{s['turns']} turns",
        ),
        ("main part", _share(s["main"])),
        ("held-out", _share(s["heldout"])),
        ("safety violations", str(s["safety_violations"])),
        ("not applicable", f"{s['not_applicable']} cases (not run on the {s['backend']} backend)"),
        ("latency per turn", f"p50 {s['latency_ms_p50']} ms, p95 {s['latency_ms_p95']} ms"),
        (
            "LLM per turn",
            f"{s['llm_calls_per_turn']} calls, {s['tokens_per_turn']} tokens "
            f"({s['prompt_tokens_per_turn']} prompt)",
        ),
        ("decided without an LLM", _pct(s["turns_without_llm"])),
    ]
    if s["repeat"] > 1:
        rows.append(("pass^k", ", ".join(f"k={k}: {v}" for k, v in s["pass_hat_k"].items())))
    rows.append(("run", f"backend {s['backend']}, router {s['router']}, {s['elapsed_s']} s"))
    return rows


def text_summary(result: EvalResult) -> str:
    s = build_summary(result)
    lines = [f"{'category':<22} {'cases':>6} {'passed':>7} {'rate':>7}"]
    for name, c in s["by_category"].items():
        lines.append(f"{name:<22} {c['cases']:>6} {c['passed']:>7} {_pct(c['rate']):>7}")
    lines.append("-" * 45)
    lines += [f"{label:<24}{value}" for label, value in headline(s)]
    return "\n".join(lines)


def failures(result: EvalResult) -> list[dict[str, Any]]:
    """Every failing turn (and failed end state) of the first failing run of each case."""
    out = []
    for case in result.cases:
        if not case.applicable or case.passed:
            continue
        shown = case_json(case)
        for index, turn in enumerate(shown["turns"], 1):
            if not turn["passed"]:
                out.append(
                    {
                        "case": case.id,
                        "category": case.category,
                        "turn": index,
                        "heldout": case.heldout,
                        **turn,
                    }
                )
        if shown.get("end_state") and not shown["end_state"]["passed"]:
            out.append(
                {
                    "case": case.id,
                    "category": case.category,
                    "turn": "end_state",
                    "heldout": case.heldout,
                    "expected": {},
                    "actual": {},
                    "why": shown["end_state"]["why"],
                }
            )
        if shown.get("error"):
            out.append(
                {
                    "case": case.id,
                    "category": case.category,
                    "turn": "-",
                    "heldout": case.heldout,
                    "expected": {},
                    "actual": {},
                    "why": shown["error"],
                }
            )
    return out


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def markdown(result: EvalResult) -> str:
    s = build_summary(result)
    out = [f"# Eval report ({s['backend']} backend, {s['router']} router)", ""]
    out += [f"- **{label}**: {value}" for label, value in headline(s)]
    out += ["", "| category | cases | passed | rate |", "| --- | ---: | ---: | ---: |"]
    out += [
        f"| {n} | {c['cases']} | {c['passed']} | {_pct(c['rate'])} |"
        for n, c in s["by_category"].items()
    ]
    violations = [
        (c.id, v) for c in result.cases for r in c.runs for t in r.turns for v in t.safety
    ]
    out += ["", f"## Safety violations ({len(violations)})", ""]
    out += [f"- `{cid}`: {v}" for cid, v in violations] or ["None."]
    fails = failures(result)
    out += ["", f"## Failing turns ({len(fails)})", ""]
    for f in fails:
        tag = " (held-out)" if f["heldout"] else ""
        out += [
            f"### {f['case']} turn {f['turn']}{tag}",
            "",
            f"- user: {f.get('user', '')}",
            f"- why: {f['why']}",
            f"- expected: `{_compact(f['expected'])}`",
            f"- actual: `{_compact(f['actual'])}`",
            "",
        ]
    return "\n".join(out) + "\n"


def svg_chart(by_category: dict[str, dict[str, Any]]) -> str:
    """Horizontal bars: pass rate per category, drawn inline (no script, no external file)."""
    bar_h, gap, label_w, bar_w = 18, 6, 170, 360
    height = (bar_h + gap) * len(by_category) + gap
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{label_w + bar_w + 90}" '
        f'height="{height}" role="img" aria-label="Pass rate by category">'
    ]
    for i, (name, c) in enumerate(by_category.items()):
        y = gap + i * (bar_h + gap)
        width = round(bar_w * c["rate"], 1)
        colour = "#2e7d32" if c["rate"] >= 0.9 else "#f9a825" if c["rate"] >= 0.7 else "#c62828"
        parts += [
            f'<text x="{label_w - 6}" y="{y + 13}" text-anchor="end" font-size="12">'
            f"{html.escape(name)}</text>",
            f'<rect x="{label_w}" y="{y}" width="{bar_w}" height="{bar_h}" fill="#eee"/>',
            f'<rect class="bar" x="{label_w}" y="{y}" width="{width}" height="{bar_h}" '
            f'fill="{colour}"/>',
            f'<text x="{label_w + bar_w + 6}" y="{y + 13}" font-size="12">'
            f"{_pct(c['rate'])} ({c['passed']}/{c['cases']})</text>",
        ]
    return "\n".join([*parts, "</svg>"])


_CSS = """body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;
vertical-align:top;text-align:left}pre{white-space:pre-wrap;margin:0;font-size:12px}
.fail{color:#c62828}.ok{color:#2e7d32}"""


def html_page(result: EvalResult) -> str:
    s = build_summary(result)
    e = html.escape
    rows = "".join(f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in headline(s))
    violations = [
        (c.id, v) for c in result.cases for r in c.runs for t in r.turns for v in t.safety
    ]
    safety = "".join(f"<li><code>{e(cid)}</code>: {e(v)}</li>" for cid, v in violations)
    fails = failures(result)
    fail_rows = "".join(
        f"<tr class='failing-turn'><td><code>{e(f['case'])}</code>"
        f"{' (held-out)' if f['heldout'] else ''}</td><td>{e(str(f['turn']))}</td>"
        f"<td>{e(f.get('user', ''))}</td><td>{e(f['why'])}</td>"
        f"<td><pre>{e(json.dumps(f['expected'], indent=1))}</pre></td>"
        f"<td><pre>{e(json.dumps(f['actual'], indent=1, ensure_ascii=False))}</pre></td></tr>"
        for f in fails
    )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Eval report: {e(s["backend"])} / {e(s["router"])}</title><style>{_CSS}</style></head>
<body><h1>Eval report ({e(s["backend"])} backend, {e(s["router"])} router)</h1>
<table>{rows}</table>
<h2>Pass rate by category</h2>
{svg_chart(s["by_category"])}
<h2>Safety violations ({len(violations)})</h2>
<ul>{safety or '<li class="ok">None.</li>'}</ul>
<h2>Failing turns ({len(fails)})</h2>
<table><tr><th>case</th><th>turn</th><th>user</th><th>why</th><th>expected</th><th>actual</th></tr>
{fail_rows}</table>
</body></html>
"""


def write_reports(result: EvalResult, directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    md, page = directory / "report.md", directory / "report.html"
    md.write_text(markdown(result), encoding="utf-8")
    page.write_text(html_page(result), encoding="utf-8")
    return [md, page]
