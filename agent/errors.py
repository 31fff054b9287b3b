"""Errors the agent raises to its callers (the API maps each to one HTTP status).

AgentError
├── SessionNotFound       no such session for this caller (another caller's is "not found" too)
├── ActionNotFound        no such pending action in this session
└── ActionNotPending      the action already ran, was cancelled, or expired
"""

from __future__ import annotations


class AgentError(Exception):
    code = "agent_error"

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


class SessionNotFound(AgentError):
    code = "session_not_found"


class ActionNotFound(AgentError):
    code = "action_not_found"


class ActionNotPending(AgentError):
    code = "action_not_pending"

    def __init__(self, message: str, status: str) -> None:
        super().__init__(message)
        self.status = status
