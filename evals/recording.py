"""LLM traffic of eval runs, recorded and replayed with vcrpy: one cassette per case and run.

Replay is the default, so a run with `--router openai` is repeatable and free; `--record`
refreshes the cassettes against the real endpoint. Cassettes are only ever written by vcrpy
while talking to a real endpoint; a missing one is an error that says how to record it.

Sandbox ids change on every seeding, so a recorded conversation names other ids than a
replayed one. Requests are matched with every Stripe id masked, and the ids of a recorded
request are paired, in order, with those of the live request it matched; the recorded
response is played with its ids translated the same way. Stripe traffic itself (the sandbox)
is never recorded.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import vcr
from vcr.errors import CannotOverwriteExistingCassetteException
from vcr.record_mode import RecordMode

CASSETTES = Path(__file__).resolve().parent / "cassettes"
SECRET_HEADERS = ("authorization", "api-key", "x-api-key", "openai-organization", "cookie")
STRIPE_ID = re.compile(
    r"\b(?:pi|ch|cus|price|prod|re|sub|si|in|ii|txn|pm|card|src|py|act|call|ses)_[A-Za-z0-9]{6,}"
)


class CassetteMissing(RuntimeError):
    """Replay asked for a cassette that was never recorded."""


class NotInCassette(RuntimeError):
    """The agent sent an LLM request the cassette does not hold (the prompt changed)."""


def masked(body: Any) -> str:
    """The request body with ids masked, JSON-normalised, for matching."""
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else str(body or "")
    text = STRIPE_ID.sub(lambda m: m.group(0).split("_", 1)[0] + "_*", text)
    try:
        return json.dumps(json.loads(text), sort_keys=True)
    except ValueError:
        return text


def _body_matcher(live: Any, recorded: Any) -> None:
    if masked(live.body) != masked(recorded.body):
        raise AssertionError("LLM request bodies differ (ids masked)")


def _text(body: Any) -> str:
    return body.decode("utf-8", "replace") if isinstance(body, bytes) else str(body or "")


class Recorder:
    """Wraps one case run in a cassette; `record=True` talks to the real endpoint."""

    def __init__(self, label: str, *, record: bool, root: Path = CASSETTES) -> None:
        self.dir = root / label
        self.record = record
        self.skip: set[tuple[str, int]] = set()
        self.vcr = vcr.VCR(
            record_mode=RecordMode.ALL if record else RecordMode.NONE,
            match_on=("method", "path", "llm_body"),
            filter_headers=SECRET_HEADERS,
            before_record_request=self._keep_request,
            before_record_response=self._keep_response,
            decode_compressed_response=True,
        )
        self.vcr.register_matcher("llm_body", _body_matcher)

    def path_for(self, case_id: str, run: int) -> Path:
        return self.dir / f"{case_id}--run{run}.yaml"

    @contextmanager
    def case(self, case_id: str, run: int) -> Iterator[Path]:
        path = self.path_for(case_id, run)
        if self.record:
            path.unlink(missing_ok=True)
        elif not path.exists():
            raise CassetteMissing(
                f"No cassette for case {case_id} (run {run}) at {path}. Replay needs one: record "
                "it with `python -m evals run ... --router openai --record` against a real "
                "endpoint (OPENAI_API_KEY, and OPENAI_BASE_URL for a non-OpenAI one)."
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        ids: dict[str, str] = {}
        with self.vcr.use_cassette(str(path)) as cassette:
            if not self.record:
                _translate_playback(cassette, ids)
            yield path

    def _keep_request(self, request: Any) -> Any:
        """Stripe traffic (the sandbox) is never recorded, and passes straight through."""
        return None if (request.host, request.port) in self.skip else request

    @staticmethod
    def _keep_response(response: dict[str, Any]) -> dict[str, Any]:
        headers = response.get("headers", {})
        for name in list(headers):
            if name.lower() in {"set-cookie", "openai-organization"}:
                del headers[name]
        return response


def _translate_playback(cassette: Any, ids: dict[str, str]) -> None:
    """Play recorded responses with recorded ids replaced by the live ones they stand for."""
    play = cassette.play_response

    def translated(request: Any) -> dict[str, Any]:
        response = play(request)
        recorded = next((r for r, resp in cassette.data if resp is response), None)
        if recorded is not None:
            pairs = zip(
                STRIPE_ID.findall(_text(recorded.body)),
                STRIPE_ID.findall(_text(request.body)),
                strict=False,
            )
            ids.update({old: new for old, new in pairs if old != new})
        body = response["body"]["string"]
        text = _text(body)
        swapped = STRIPE_ID.sub(lambda m: ids.get(m.group(0), m.group(0)), text)
        if swapped == text:
            return response
        new_body = swapped.encode() if isinstance(body, bytes) else swapped
        return {**response, "body": {**response["body"], "string": new_body}}

    cassette.play_response = translated


def explain(err: BaseException, path: Path | None) -> BaseException:
    """Name the cassette when an LLM request was not in it, wherever the SDK wrapped that."""
    if path is None:
        return err
    cause: BaseException | None = err
    while cause is not None:
        if isinstance(cause, CannotOverwriteExistingCassetteException):
            return NotInCassette(
                f"An LLM request is not in {path} (the prompt, tools or conversation changed "
                "since it was recorded). Re-record with --record against a real endpoint."
            )
        cause = cause.__cause__ or cause.__context__
    return err


@contextmanager
def no_recording() -> Iterator[Path | None]:
    yield None
