"""Frame sizes are capped by the server itself, not only by the consumer.

The consumer refuses a frame over SUPPORT["MAX_FRAME_BYTES"] (16 KiB) with an error frame and
keeps the socket, but only after the server has read the whole frame into memory. Daphne, run
as `make run` runs it, stops reading at its own cap (1 MiB): a larger message closes the socket
with 1009 ("message too big") before it is buffered, and the server goes on serving.
"""

from __future__ import annotations

import asyncio
import json

import pytest
import websockets

from tests.faults.servers import connect, reply_on, send, site

pytestmark = [pytest.mark.slow]

DAPHNE_MAX_MESSAGE_BYTES = 1024 * 1024


async def _frames(tmp_path, site_template) -> None:
    with site(tmp_path, site_template) as s:
        (server,) = s.start_servers(1)
        customer = s.customers(1)[0]

        socket, _ = await connect(server.port, customer)
        await socket.send(json.dumps({"type": "user.message", "text": "x" * 20_000, "client_id": "big-1"}))
        refused = json.loads(await asyncio.wait_for(socket.recv(), timeout=30))
        assert (refused["type"], refused.get("code")) == ("error", "frame_too_large"), refused
        # The consumer's refusal keeps the socket: the next message is stored as usual.
        assert (await send(socket, "How do I reset my password?", "after-big-1"))["type"] == "message.ack"
        await reply_on(socket, within_s=30)

        # Just under the server's cap, the frame still reaches the consumer, which refuses it...
        await socket.send("x" * (DAPHNE_MAX_MESSAGE_BYTES - 1024))
        refused = json.loads(await asyncio.wait_for(socket.recv(), timeout=30))
        assert (refused["type"], refused.get("code")) == ("error", "frame_too_large"), refused
        # ...just over it, the server closes the socket (1009, or a reset while the client is
        # still writing, which the send itself then raises) without handing the frame on.
        with pytest.raises(websockets.ConnectionClosed) as closed:
            async with asyncio.timeout(30):
                await socket.send("x" * (DAPHNE_MAX_MESSAGE_BYTES + 1))
                while True:
                    await socket.recv()
        assert closed.value.rcvd is None or closed.value.rcvd.code == 1009

        again, state = await connect(server.port, customer)
        assert [m["client_id"] for m in state["messages"] if m["role"] == "user"] == ["after-big-1"]
        await again.close()


def test_a_frame_over_the_servers_cap_closes_its_socket_and_the_server_serves_on(tmp_path, site_template):
    asyncio.run(_frames(tmp_path, site_template))
