"""Routers are chat models: each turns the conversation into a tool call or a reply, so one
agent loop serves the offline rule router, an OpenAI-compatible LLM, and the hybrid of both."""
