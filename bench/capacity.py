"""Server capacity: how many people one server answers, each opening a shared link and then clicking a point
every few seconds, without a browser. Never part of the test pass; it asserts nothing.

    python -m bench.capacity            # ours and the floor, N = 5, 10, 20, 40, ... until a step fails
    python -m bench.capacity --quick    # shorter steps

A real browser first opens the link and clicks markers on each app (Debian's chromium); the messages it
sends (Streamlit's `BackMsg`, protobuf) are recorded and each simulated session replays them over a
websocket of its own (`websockets`), as the browser would: the link's run, then one click's run every
INTERVAL_S (jittered), each timed from the message sent to the server's `script_finished`. A step of N
sessions passes when the 95th percentile of its clicks is at most 300 ms and none failed (no answer within
10 s, a closed websocket, a run that did not finish). Loopback only; every step ends by itself. Also the
server's CPU (cores busy over the step) and memory per session. Writes bench/results/capacity.csv and
capacity_clicks.csv.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import sync_playwright
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect

from bench.apps import prepare_atlas, start_apps, stop_apps
from bench.page import ATLAS_LOAD_TIMEOUT_MS, click_series, open_tab
from bench.run import RESULTS, Log, log_versions
from harness.browser import LAUNCH, missing_chromium
from harness.server import Server

VIEW = "lower_back"
LINK = f"/?view={VIEW}&point=BL23"
P95_LIMIT_MS = 300
ANSWER_TIMEOUT_S = 10
INTERVAL_S = 3.0  # between a session's clicks, jittered by +-30 %
RECORDED_CLICKS = 8
STEPS = (5, 10, 20, 40, 80, 160, 320)
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class Script:
    """What one browser sent: the link's run, and one message per click."""

    open: bytes
    clicks: list[bytes]


def record(browser, kind: str, url: str, positions: list, log) -> Script:
    tab, _ = open_tab(browser, kind, url + LINK, ATLAS_LOAD_TIMEOUT_MS)
    sent: list[bytes] = []
    tab.page.on("websocket", lambda ws: ws.on("framesent", lambda p: sent.append(bytes(p) if not isinstance(p, str)
                                                                                    else p.encode())))
    tab.page.reload()  # the websocket of the reload is recorded from its first message
    tab.settle(0)
    tab.wire.total = 0
    reruns = [lambda: None]
    del reruns[:]
    series = click_series({kind: tab}, positions, RECORDED_CLICKS, log)[kind]
    tab.close()
    for payload in sent:
        msg = BackMsg()
        msg.ParseFromString(payload)
        if msg.WhichOneof("type") == "rerun_script":
            reruns.append(payload)
    if len(reruns) < 2:
        raise RuntimeError(f"{kind}: recorded {len(reruns)} runs; expected the link's and the clicks'")
    log(f"  {kind}: recorded the link's run and {len(reruns) - 1} click runs ({len(series)} clicks)")
    return Script(reruns[0], reruns[1:])


@dataclass
class Step:
    sessions: int
    clicks_ms: list[float] = field(default_factory=list)
    open_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    cpu_cores: float = float("nan")
    rss_mb: float = float("nan")
    rss_before_mb: float = float("nan")
    generator_cores: float = float("nan")  # this process's CPU over the window: is the load generator the limit?

    @property
    def p95(self) -> float:
        if len(self.clicks_ms) < 2:
            return float("inf")
        return statistics.quantiles(self.clicks_ms, n=20, method="inclusive")[-1]

    @property
    def passed(self) -> bool:
        return not self.errors and self.p95 <= P95_LIMIT_MS


async def answered(ws) -> None:
    """Read until the run the last message asked for has finished."""
    while True:
        msg = ForwardMsg()
        msg.ParseFromString(await ws.recv())
        if msg.WhichOneof("type") == "script_finished":
            if msg.script_finished in (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY):
                return
            raise RuntimeError(f"run ended {ForwardMsg.ScriptFinishedStatus.Name(msg.script_finished)}")


async def session(url: str, script: Script, step: Step, delay: float, measure_from: float, stop_at: float,
                  rng: random.Random) -> None:
    await asyncio.sleep(delay)
    ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
    try:
        async with connect(ws_url, subprotocols=["streamlit"], origin=url, max_size=None, open_timeout=30,
                           ping_interval=None) as ws:
            t = time.monotonic()
            await ws.send(script.open)
            await asyncio.wait_for(answered(ws), 60)
            step.open_ms.append((time.monotonic() - t) * 1000)
            i = rng.randrange(len(script.clicks))
            while True:
                await asyncio.sleep(INTERVAL_S * rng.uniform(0.7, 1.3))
                if time.monotonic() >= stop_at:
                    return
                t = time.monotonic()
                await ws.send(script.clicks[i % len(script.clicks)])
                i += 1
                await asyncio.wait_for(answered(ws), ANSWER_TIMEOUT_S)
                if t >= measure_from:
                    step.clicks_ms.append((time.monotonic() - t) * 1000)
    except Exception as err:  # noqa: BLE001 - every failure is a finding of the step
        step.errors.append(f"{type(err).__name__}: {err}"[:200])


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime, stime


def run_step(server: Server, script: Script, n: int, ramp_s: float, window_s: float, seed: int) -> Step:
    """n sessions opened over ramp_s, then measured for window_s; all closed at the end."""
    step = Step(n, rss_before_mb=server.rss_mb())
    rng = random.Random(seed)
    start = time.monotonic()
    measure_from = start + ramp_s + INTERVAL_S  # every session open and clicking
    stop_at = measure_from + window_s

    async def all_sessions() -> None:
        await asyncio.gather(*(session(server.url, script, step, ramp_s * i / n, measure_from, stop_at,
                                       random.Random(rng.random())) for i in range(n)))

    async def sample_cpu() -> tuple[float, float]:
        await asyncio.sleep(max(0.0, measure_from - time.monotonic()))
        c0, g0, t0 = cpu_seconds(server.proc.pid), time.process_time(), time.monotonic()
        await asyncio.sleep(max(0.0, stop_at - time.monotonic()))
        elapsed = time.monotonic() - t0
        step.generator_cores = (time.process_time() - g0) / elapsed
        return (cpu_seconds(server.proc.pid) - c0) / elapsed, server.rss_mb()

    async def both():
        _, (step.cpu_cores, step.rss_mb) = await asyncio.gather(all_sessions(), sample_cpu())

    asyncio.run(both())
    time.sleep(1.0)  # the server lets go of the closed sessions' runs
    return step


def ramp(server: Server, kind: str, script: Script, args, log) -> list[Step]:
    """Steps of more sessions until one fails; then one between the last that passed and it."""
    steps: list[Step] = []
    for i, n in enumerate(STEPS):
        step = run_step(server, script, n, args.ramp, args.window, seed=i)
        steps.append(step)
        log(f"  {kind}: {describe(step)}")
        if not step.passed:
            break
    passed = [s.sessions for s in steps if s.passed]
    failed = [s.sessions for s in steps if not s.passed]
    if passed and failed and failed[0] - passed[-1] > 2:
        step = run_step(server, script, (passed[-1] + failed[0]) // 2, args.ramp, args.window, seed=99)
        steps.append(step)
        log(f"  {kind}: {describe(step)}")
    return steps


def describe(step: Step) -> str:
    errors = f"{len(step.errors)} errors ({step.errors[0]})" if step.errors else "no errors"
    return (f"{step.sessions} sessions: {len(step.clicks_ms)} clicks, p95 {step.p95:.0f} ms, median "
            f"{statistics.median(step.clicks_ms) if step.clicks_ms else float('nan'):.0f} ms, {errors}; "
            f"server CPU {step.cpu_cores:.2f} cores (load generator {step.generator_cores:.2f}), {step.rss_mb:.0f} MB ({step.rss_before_mb:.0f} before)"
            f" -> {'PASS' if step.passed else 'FAIL'}")


def capacity(steps: list[Step]) -> Step | None:
    passing = [s for s in steps if s.passed]
    return max(passing, key=lambda s: s.sessions) if passing else None


def first_break(steps: list[Step]) -> str:
    failed = sorted((s for s in steps if not s.passed), key=lambda s: s.sessions)
    if not failed:
        return f"nothing broke up to {max(s.sessions for s in steps)} sessions"
    s = failed[0]
    what = []
    if s.p95 > P95_LIMIT_MS:
        what.append(f"p95 {s.p95:.0f} ms with the server at {s.cpu_cores:.2f} cores")
    if s.errors:
        what.append(f"{len(s.errors)} failed sessions: {s.errors[0]}")
    return f"at {s.sessions} sessions: " + "; ".join(what)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.capacity", description=__doc__.split("\n\n")[0])
    parser.add_argument("--window", type=float, default=20.0, help="seconds measured per step")
    parser.add_argument("--ramp", type=float, default=8.0, help="seconds over which a step's sessions open")
    parser.add_argument("--quick", action="store_true", help="10 s steps, opened over 4 s")
    args = parser.parse_args(argv)
    if args.quick:
        args.window, args.ramp = 10.0, 4.0
    if problem := missing_chromium():
        print(problem, file=sys.stderr)
        return 2
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "logs").mkdir(exist_ok=True)
    log = Log()
    rows: list[dict] = []

    class Recorder:
        def record(self, atlas, app, metric, value, unit=""):
            rows.append({"app": "run", "sessions": "", "metric": metric, "value": value})

    log_versions(Recorder(), log)
    work = Path(tempfile.mkdtemp(prefix="meridian-capacity-"))
    results: dict[str, list[Step]] = {}
    try:
        atlas = prepare_atlas("real", None, work, VIEW)
        apps = start_apps(atlas, RESULTS / "logs", [])
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(**LAUNCH)
                scripts = {kind: record(browser, kind, apps[kind].url, atlas.positions, log) for kind in ("ours", "floor")}
                browser.close()
            for kind in ("ours", "floor"):
                results[kind] = ramp(apps[kind], kind, scripts[kind], args, log)
        finally:
            stop_apps(apps)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report(results, rows)
    return 0


def report(results: dict[str, list[Step]], rows: list[dict]) -> None:
    with (RESULTS / "capacity_clicks.csv").open("w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["app", "sessions", "click_ms"])
        for kind, steps in results.items():
            for s in steps:
                writer.writerows((kind, s.sessions, f"{ms:.1f}") for ms in s.clicks_ms)
    best = {kind: capacity(steps) for kind, steps in results.items()}
    print(f"\ncapacity (largest N with click p95 <= {P95_LIMIT_MS} ms and no errors; loopback, "
          f"one click per session every {INTERVAL_S:.0f} s):")
    for kind, steps in results.items():
        for s in steps:
            rows += [{"app": kind, "sessions": s.sessions, "metric": m, "value": v} for m, v in (
                ("click_p95_ms", s.p95), ("click_median_ms", statistics.median(s.clicks_ms) if s.clicks_ms else float("nan")),
                ("clicks", len(s.clicks_ms)), ("errors", len(s.errors)), ("server_cpu_cores", s.cpu_cores),
                ("server_rss_mb", s.rss_mb), ("generator_cpu_cores", s.generator_cores), ("server_rss_before_mb", s.rss_before_mb), ("passed", int(s.passed)))]
        b = best[kind]
        if b is None:
            print(f"  {kind}: no step passed; {first_break(steps)}")
            continue
        per_session_mb = (b.rss_mb - b.rss_before_mb) / b.sessions
        rows += [{"app": kind, "sessions": b.sessions, "metric": "capacity_sessions", "value": b.sessions},
                 {"app": kind, "sessions": b.sessions, "metric": "cpu_ms_per_session_s", "value": b.cpu_cores / b.sessions * 1000},
                 {"app": kind, "sessions": b.sessions, "metric": "rss_mb_per_session", "value": per_session_mb}]
        print(f"  {kind}: {b.sessions} sessions (p95 {b.p95:.0f} ms); server CPU {b.cpu_cores:.2f} cores "
              f"({b.cpu_cores / b.sessions * 1000:.1f} ms a second per session), {per_session_mb:.2f} MB per session; "
              f"past it: {first_break(steps)}")
    if best.get("ours") and best.get("floor"):
        r = best["ours"].sessions / best["floor"].sessions
        rows.append({"app": "ratio", "sessions": "", "metric": "capacity ours/floor (limit >= 0.8)", "value": r})
        print(f"  capacity ours/floor: {r:.2f} (at least 0.8) {'PASS' if r >= 0.8 else 'FAIL'}")
    with (RESULTS / "capacity.csv").open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["app", "sessions", "metric", "value"])
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {RESULTS / 'capacity.csv'} and capacity_clicks.csv")


if __name__ == "__main__":
    sys.exit(main())
