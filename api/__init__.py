"""The FastAPI app: the agent endpoints, the seed's REST API, Connect OAuth, webhooks, health."""
