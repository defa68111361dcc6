"""The A2A routes sit beside Django without slowing the server's start."""

import os
import subprocess
import sys


def test_the_router_serves_the_paths_a2a_sdk_defines():
    from a2a.utils.constants import AGENT_CARD_WELL_KNOWN_PATH

    from supportsite.a2a.card import JSONRPC_PATH
    from supportsite.a2a.router import A2A_PATH_PREFIX, AGENT_CARD_PATH

    assert AGENT_CARD_PATH == AGENT_CARD_WELL_KNOWN_PATH
    assert JSONRPC_PATH.startswith(A2A_PATH_PREFIX)


def test_starting_the_server_does_not_import_the_a2a_sdk():
    code = "import supportsite.asgi, sys; print('a2a' in sys.modules, 'sklearn' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "DJANGO_SETTINGS_MODULE": "supportsite.settings"})
    assert out.stdout.split() == ["False", "False"]
