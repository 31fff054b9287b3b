"""`python -m sandbox [--port N]`: a seeded sandbox in the foreground until Ctrl-C."""

from __future__ import annotations

import argparse

from sandbox.runner import serve_sandbox_forever

parser = argparse.ArgumentParser(prog="python -m sandbox", description=__doc__)
parser.add_argument("--port", type=int, default=None, help="gateway port (default: a free one)")
serve_sandbox_forever(parser.parse_args().port)
