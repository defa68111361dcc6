"""Websocket frames from clients, validated with pydantic at the edge."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, TypeAdapter, ValidationError

ClientId = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9._:-]+$")]


class UserMessageFrame(BaseModel):
    model_config = ConfigDict(extra="ignore")

    type: Literal["user.message"]
    text: str = Field(max_length=100_000)  # the configured, smaller limit is checked by the service
    client_id: ClientId


class FeedbackFrame(BaseModel):
    """Thumbs up or down on one assistant reply, with an optional comment; a later one replaces it."""

    model_config = ConfigDict(extra="ignore")

    type: Literal["feedback"]
    message_id: str = Field(min_length=1, max_length=64)
    rating: Literal["up", "down"]
    comment: str = Field(default="", max_length=2000)


class HandoffRequestFrame(BaseModel):
    """The customer pressed "Talk to a person"."""

    model_config = ConfigDict(extra="ignore")

    type: Literal["handoff.request"]


ClientFrame = Annotated[UserMessageFrame | FeedbackFrame | HandoffRequestFrame, Field(discriminator="type")]
client_frame_adapter: TypeAdapter[UserMessageFrame | FeedbackFrame | HandoffRequestFrame] = TypeAdapter(ClientFrame)


def error_frame(code: str, detail: str | ValidationError) -> dict[str, Any]:
    if isinstance(detail, ValidationError):
        detail = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'frame'}: {err['msg']}" for err in detail.errors()[:5]
        )
    return {"type": "error", "code": code, "detail": detail}
