"""The one envelope every call between agents travels in."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel

from agents.context import SupportContext


class ResponseMetadata(BaseModel):
    agent: str
    duration_ms: float = 0.0
    input_tokens: int = 0
    output_tokens: int = 0
    model: str = ""
    fallback: str = ""  # which fallback produced the result, if any


class AgentRequest(BaseModel):
    caller: str
    target: str
    task: str
    parameters: dict[str, Any] = {}
    context: SupportContext


class AgentResponse(BaseModel):
    status: Literal["success", "error", "partial"]
    result: dict[str, Any] = {}
    metadata: ResponseMetadata
    error: str = ""
