"""An offline Stripe: localstripe (run as its own process) behind a Stripe-compatible gateway.

    from sandbox import start_seeded_sandbox
    with start_seeded_sandbox() as running:
        client = stripe.StripeClient(running.api_key, base_addresses={"api": running.url})

See GAPS.md for what localstripe lacks and what the gateway does about each gap.
"""

from sandbox.manifest import SeedManifest
from sandbox.process import Sandbox, SandboxError
from sandbox.runner import RunningSandbox, serve_sandbox_forever, start_seeded_sandbox
from sandbox.seed import seed

__all__ = [
    "RunningSandbox",
    "Sandbox",
    "SandboxError",
    "SeedManifest",
    "seed",
    "serve_sandbox_forever",
    "start_seeded_sandbox",
]
