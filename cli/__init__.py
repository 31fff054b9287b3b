"""The `stripe-agent` command line: serve, sandbox, chat, ask."""
