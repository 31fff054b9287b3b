"""Checks on the eval corpus under evals/transcripts/."""
