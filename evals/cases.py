"""Eval cases: loading them from JSON Lines or YAML, and filling in their placeholders.

A case is FORMAT.md's shape plus the project's extensions (evals/transcripts/README.md):
`backend`, `end_state`, `expire_pending`, and `{{name}}` placeholders. Whether a case is
held out comes from where it lives (a `heldout/` directory), never from its content.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, Field

DEFAULT_TODAY = date(2026, 6, 15)
"""The day relative dates resolve against in a case that pins none (so runs are repeatable)."""

BackendName = Literal["dry", "sandbox"]
CASE_SUFFIXES = (".jsonl", ".yaml", ".yml")
PLACEHOLDER = re.compile(r"\{\{\s*([^}]*?)\s*\}\}")


class Turn(BaseModel):
    user: str
    expect: dict[str, Any]
    expire_pending: bool = False


class Case(BaseModel):
    id: str
    category: str
    turns: list[Turn] = Field(min_length=1)
    today: date | None = None
    backend: BackendName | None = None
    end_state: dict[str, list[dict[str, Any]]] | None = None
    source: str = ""
    heldout: bool = False

    @property
    def day(self) -> date:
        return self.today or DEFAULT_TODAY

    def runs_on(self, backend: BackendName) -> bool:
        return self.backend is None or self.backend == backend

    def placeholders(self) -> set[str]:
        return set(PLACEHOLDER.findall(self._content_json()))

    def _content_json(self) -> str:
        return json.dumps(
            self.model_dump(mode="json", include={"turns", "end_state"}), ensure_ascii=False
        )


class CaseFileError(ValueError):
    """A case file that cannot be read as cases; the message names the file and line."""


def case_files(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, and every case file under each directory (recursively), sorted."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix in CASE_SUFFIXES)
        elif path.is_file():
            found.append(path)
        else:
            raise CaseFileError(f"{path}: no such file or directory")
    return list(dict.fromkeys(found))


def load_cases(paths: Iterable[str | Path]) -> list[Case]:
    cases = [case for path in case_files(paths) for case in _load_file(path)]
    seen: dict[str, str] = {}
    for case in cases:
        if case.id in seen:
            raise CaseFileError(
                f"duplicate case id {case.id!r} in {seen[case.id]} and {case.source}"
            )
        seen[case.id] = case.source
    return cases


def _load_file(path: Path) -> list[Case]:
    heldout = "heldout" in path.parts
    raw = _jsonl(path) if path.suffix == ".jsonl" else _yaml(path)
    out = []
    for where, data in raw:
        try:
            out.append(Case.model_validate({**data, "source": where, "heldout": heldout}))
        except ValueError as err:
            raise CaseFileError(f"{where}: not a valid case: {err}") from err
    return out


def _jsonl(path: Path) -> list[tuple[str, dict[str, Any]]]:
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.append((f"{path}:{number}", json.loads(line)))
        except json.JSONDecodeError as err:
            raise CaseFileError(f"{path}:{number}: not JSON: {err}") from err
    return out


def _yaml(path: Path) -> list[tuple[str, dict[str, Any]]]:
    """A YAML file holds one case, a list of cases, or several documents of either."""
    try:
        documents = list(yaml.safe_load_all(path.read_text(encoding="utf-8")))
    except yaml.YAMLError as err:
        raise CaseFileError(f"{path}: not YAML: {err}") from err
    out = []
    for doc in documents:
        items = doc if isinstance(doc, list) else [doc] if doc is not None else []
        for index, item in enumerate(items, 1):
            if not isinstance(item, dict):
                raise CaseFileError(f"{path}: item {index} is not a mapping")
            out.append((f"{path}#{item.get('id', index)}", item))
    return out


def fill_placeholders(case: Case, refs: dict[str, str]) -> Case:
    """The case with every `{{name}}` replaced by the seeded dataset's value.

    An unknown name is an error, not a silent empty string: the case would test nothing.
    """
    missing = sorted(case.placeholders() - set(refs))
    if missing:
        raise KeyError(f"case {case.id}: no value for placeholder(s) {', '.join(missing)}")

    def fill(node: Any) -> Any:
        if isinstance(node, str):
            return PLACEHOLDER.sub(lambda m: str(refs[m.group(1)]), node)
        if isinstance(node, list):
            return [fill(n) for n in node]
        if isinstance(node, dict):
            return {k: fill(v) for k, v in node.items()}
        return node

    data = case.model_dump(mode="json")
    data["turns"] = fill(data["turns"])
    data["end_state"] = fill(data["end_state"])
    return Case.model_validate(data)
