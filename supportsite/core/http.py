"""HTTP responses that stream under Daphne as well as under a WSGI server."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator, Iterator

from asgiref.sync import sync_to_async
from django.core.handlers.asgi import ASGIRequest
from django.http import HttpRequest, StreamingHttpResponse

BATCH_PIECES = 200


async def pieces_in_batches(pieces: Iterator[str], *, batch: int = BATCH_PIECES) -> AsyncIterator[str]:
    """Read a synchronous iterator a batch at a time, each in the request's thread, as the client
    takes them. Thread-sensitive: a database cursor the iterator holds belongs to that thread."""
    take = sync_to_async(lambda: list(itertools.islice(pieces, batch)), thread_sensitive=True)
    while chunk := await take():
        yield "".join(chunk)


def streaming_response(request: HttpRequest, pieces: Iterator[str], *, content_type: str) -> StreamingHttpResponse:
    """Stream `pieces` (rows of an export, say) to the client without holding them all.

    Under ASGI, Django reads a synchronous iterator whole, in a thread, before the first byte goes
    out (with a warning): an export's memory grew with its size. There the pieces are read in
    batches instead; under WSGI the iterator is streamed as it is.
    """
    content = pieces_in_batches(pieces) if isinstance(request, ASGIRequest) else pieces
    return StreamingHttpResponse(content, content_type=content_type)
