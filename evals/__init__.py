"""The eval runner: replays transcript cases through the agent and scores them (FORMAT.md).

`python -m evals run PATH...` runs cases; `python -m evals.bench` measures speed and prompt
size. Cases live in evals/transcripts/ (see its README for the project's extensions).
"""
