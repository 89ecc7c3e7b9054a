"""Where the bytes go: what the server sent on the wire, and the websocket frames by Streamlit message."""

from __future__ import annotations

import re
import subprocess
from collections import defaultdict


def tcp_sent(url: str) -> int:
    """Bytes the server at `url` has sent on its open connections, as the kernel counts them (`ss`): what
    crossed the network, after the websocket's compression (the frames Playwright reports are inflated)."""
    port = url.rsplit(":", 1)[1].split("/")[0]
    out = subprocess.run(["ss", "-tinH", "state", "established", f"( sport = :{port} )"], capture_output=True,
                         text=True, check=True).stdout
    return sum(int(m) for m in re.findall(r"bytes_sent:(\d+)", out))


def classify(payload: bytes) -> str:
    """A websocket frame's kind of Streamlit `ForwardMsg` (a new element by type, a cached reference, ...)."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    msg = ForwardMsg()
    try:
        msg.ParseFromString(payload)
    except Exception:  # noqa: BLE001 - a frame that is not a ForwardMsg
        return "unparsed"
    kind = msg.WhichOneof("type")
    if kind == "delta":
        delta = msg.delta.WhichOneof("type")
        if delta == "new_element":
            return "element " + (msg.delta.new_element.WhichOneof("type") or "?")
        if delta == "add_block":
            return "block " + (msg.delta.add_block.WhichOneof("type") or "container")
        return "delta " + str(delta)
    if kind == "ref_hash":
        return "cached element (ref_hash)"
    return str(kind)


def breakdown(frame_lists: list[list[bytes]]) -> dict[str, float]:
    """Mean bytes per action by message kind, the largest first."""
    sums: dict[str, int] = defaultdict(int)
    for frames in frame_lists:
        for f in frames:
            sums[classify(f)] += len(f)
    n = max(1, len(frame_lists))
    return dict(sorted(((k, v / n) for k, v in sums.items()), key=lambda kv: -kv[1]))
