"""The conversation layer: routers, the agent loop, the confirmation gate, storage, tokens.

`agent` knows nothing of HTTP; `api` and `cli` drive it through `AgentRunner`.
"""
