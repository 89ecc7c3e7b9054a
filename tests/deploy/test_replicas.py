"""Two replicas behind Debian's nginx (deploy/nginx.conf): sessions spread over both and stay on theirs, a
shared link opens the same screen on either, and when one replica stops, its sessions come back on the other
with the screen they had (the state is in the URL). deploy/README.md tells the setup.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from deploy.proxy import NGINX, Proxy
from harness.browser import (
    FIRST_LOAD_TIMEOUT_MS,
    LAUNCH,
    RERUN_TIMEOUT_MS,
    hover_pick,
    marker_position,
    missing_chromium,
    wait_chart,
)
from harness.browser import wait_idle as script_idle
from harness.server import Server

pytestmark = [pytest.mark.deploy, pytest.mark.slow]
ROUTE = "meridian_route"  # the proxy's sticky cookie
# The card's links, one per session, on the lower-back close-up: no two sessions show the same point. Up to
# 12 sessions until both replicas have some: all on one by chance is 1 in 2,048.
LINKS = tuple(f"?view=lower_back&point={code}" for code in (
    "BL23", "BL25", "GV3", "BL24", "GV4", "BL22", "BL26", "BL27", "BL20", "BL21", "GV5", "BL48"))
RECONNECT_TIMEOUT_MS = 60_000  # Streamlit's frontend retries with a back-off of a few seconds


class Cluster:
    def __init__(self, replicas: dict[str, Server], proxy: Proxy) -> None:
        self.replicas, self.proxy = replicas, proxy
        self.name_of = {f"127.0.0.1:{s.port}": name for name, s in replicas.items()}

    def routes(self) -> dict[str, set[str]]:
        """Each route in the proxy's access log, and the replicas that answered its requests."""
        out: dict[str, set[str]] = {}
        for line in self.proxy.access_log.read_text().splitlines():
            route, upstream = re.search(r"route=(\S+) upstream=(\S+)", line).groups()
            for addr in upstream.split(", "):  # a request retried on another replica lists both
                if addr in self.name_of:
                    out.setdefault(route, set()).add(self.name_of[addr])
        return out

    def streamed(self, route: str) -> bool:
        """The proxy logged a websocket of `route` (it does when the websocket closes)."""
        return any(f"route={route} " in line and "/_stcore/stream" in line
                   for line in self.proxy.access_log.read_text().splitlines())

    def served_by(self, route: str) -> str:
        """The replica that answered the page of `route` (its last request in the log)."""
        for line in reversed(self.proxy.access_log.read_text().splitlines()):
            if f"route={route} " in line:
                upstream = re.search(r"upstream=(\S+)", line).group(1).split(", ")[-1]
                if upstream in self.name_of:  # not a bundle nginx served from disk
                    return self.name_of[upstream]
        raise AssertionError(f"no request of route {route} in the proxy's log")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    if not Path(NGINX).exists():
        pytest.fail(f"{NGINX} is missing: apt-get install -y nginx")
    work = tmp_path_factory.mktemp("replicas")
    replicas = {name: Server(work / f"replica-{name}.log") for name in ("a", "b")}
    for server in replicas.values():
        server.start()
    try:
        for server in replicas.values():
            server.wait_healthy()
        with Proxy(work / "proxy", [f"127.0.0.1:{s.port}" for s in replicas.values()]) as proxy:
            yield Cluster(replicas, proxy)
    finally:
        for server in replicas.values():
            server.stop()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright's browser, Debian's chromium (as tests/browser/conftest.py has it): one Playwright
    per test process, whichever folder's tests run first."""
    if problem := missing_chromium():
        pytest.fail(problem)
    return {**browser_type_launch_args, **LAUNCH}


def heading(page: Page):
    return page.get_by_test_id("stMain").get_by_role("heading", level=3).first


def open_page(browser, url: str, route: str | None = None, base: str = "") -> Page:
    """A fresh browser (own cookies) on `url`, optionally sent along the route of another session."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    if route:
        context.add_cookies([{"name": ROUTE, "value": route, "url": base}])
    page = context.new_page()
    page.goto(url, timeout=FIRST_LOAD_TIMEOUT_MS)
    return page


def card_shown(page: Page, code: str, timeout: int = FIRST_LOAD_TIMEOUT_MS) -> None:
    expect(heading(page)).to_contain_text(f"{code} ·", timeout=timeout)
    script_idle(page, timeout)
    wait_chart(page, timeout)


def route_of(page: Page) -> str:
    return next(c["value"] for c in page.context.cookies() if c["name"] == ROUTE)


def click_point(page: Page, code: str) -> None:
    page.locator(".js-plotly-plot").first.scroll_into_view_if_needed()
    pos = marker_position(page, code, scroll=True)
    assert pos is not None and hover_pick(page, pos, timeout_s=10) == code, f"the pointer on {code}'s marker does not pick it"
    page.mouse.click(pos["x"], pos["y"])
    card_shown(page, code, RERUN_TIMEOUT_MS)


def test_sessions_spread_over_both_replicas_each_keeps_its_screen_and_a_link_opens_on_either(cluster, browser):
    base = cluster.proxy.url
    pages = []
    for link in LINKS:  # each a new browser: a route of its own, drawn at random by the proxy
        page = open_page(browser, base + "/" + link)
        card_shown(page, link.rsplit("=", 1)[1])
        pages.append(page)
        if len(pages) >= 4 and len({cluster.served_by(route_of(p)) for p in pages}) == 2:
            break
    by_replica = {cluster.served_by(route_of(p)) for p in pages}
    assert by_replica == {"a", "b"}, f"{len(pages)} sessions all went to replica {by_replica}"

    # A click in one session changes its screen and its link, and no other session's.
    clicker = pages[0]
    click_point(clicker, "BL52")
    shared = clicker.url
    for page, link in zip(pages[1:], LINKS[1:], strict=False):
        expect(heading(page)).to_contain_text(link.rsplit("=", 1)[1] + " ·")
        assert page.url.endswith(link), page.url

    # The clicked session's link opens the same screen on either replica.
    code = re.search(r"point=(\w+)", shared).group(1)
    for replica in ("a", "b"):
        route = next(route_of(p) for p in pages if cluster.served_by(route_of(p)) == replica)
        page = open_page(browser, shared, route=route, base=base)
        card_shown(page, code)
        assert cluster.served_by(route) == replica
        page.context.close()

    routes = [route_of(p) for p in pages]
    for page in pages:
        page.context.close()
    deadline = time.monotonic() + 10  # a websocket's request is logged when it closes
    while time.monotonic() < deadline and not all(cluster.streamed(r) for r in routes):
        time.sleep(0.2)
    assert all(cluster.streamed(r) for r in routes), "a session's websocket is not in the proxy's log"
    # Sticky: every request of a session, its websocket included, went to one replica.
    wandered = {route: names for route, names in cluster.routes().items() if len(names) > 1}
    assert not wandered, f"requests of one session answered by both replicas: {wandered}"


def test_when_a_replica_stops_its_sessions_come_back_on_the_other_with_their_screen(cluster, browser):
    """Last in this module: it stops replica a.

    Streamlit's frontend, reconnected, believes it resumed its session and asks for no run; the other
    replica has no such session. The page keeps what it showed, and its next full run (a button outside
    the chart's fragment, a reload) rebuilds the screen from the URL there. A click on the chart before
    that is lost (deploy/README.md, "When a replica stops").
    """
    base = cluster.proxy.url
    probe = open_page(browser, base + "/")  # a route that replica a serves
    while cluster.served_by(route := route_of(probe)) != "a":
        probe.context.close()
        probe = open_page(browser, base + "/")
    probe.context.close()

    # On replica a: the chart with a point clicked and added to the routine; the routine, at its second step.
    chart = open_page(browser, base + "/?view=lower_back&point=BL23", route=route, base=base)
    card_shown(chart, "BL23")
    click_point(chart, "GV3")
    chart.get_by_role("button", name="Add GV3 to my routine").click()
    expect(chart.get_by_role("button", name="Remove GV3 from my routine")).to_be_visible(timeout=RERUN_TIMEOUT_MS)
    expect(chart).to_have_url(re.compile(r"point=GV3.*routine=GV3"), timeout=RERUN_TIMEOUT_MS)
    steps = open_page(browser, base + "/Routine?routine=BL23,BL40,KI3,GV3&minutes=1", route=route, base=base)
    steps.get_by_role("button", name="Start the routine").click(timeout=FIRST_LOAD_TIMEOUT_MS)
    expect(steps.get_by_role("heading", name=re.compile(r"^Step 1 of 4: BL23"))).to_be_visible(timeout=RERUN_TIMEOUT_MS)
    steps.get_by_role("button", name="Next point", exact=True).click()
    expect(steps.get_by_role("heading", name=re.compile(r"^Step 2 of 4: BL40"))).to_be_visible(timeout=RERUN_TIMEOUT_MS)
    script_idle(steps)
    assert cluster.served_by(route) == "a"
    sockets: dict[str, list[str]] = {"chart": [], "steps": []}
    chart.on("websocket", lambda ws: sockets["chart"].append(ws.url))
    steps.on("websocket", lambda ws: sockets["steps"].append(ws.url))

    cluster.replicas["a"].stop()

    # Each page opens a new websocket through the proxy, which sends it to b.
    for name, page in (("chart", chart), ("steps", steps)):
        deadline = time.monotonic() + RECONNECT_TIMEOUT_MS / 1000
        while not sockets[name] and time.monotonic() < deadline:
            page.wait_for_timeout(200)
        assert sockets[name], f"the {name} page did not reconnect"
    # The routine goes on from the step in its link, with its points. The first press after the move runs
    # the page afresh on b (from its link: step 2 again) and is lost; the next one moves on.
    step_three = steps.get_by_role("heading", name=re.compile(r"^Step 3 of 4: KI3"))
    steps.get_by_role("button", name="Next point", exact=True).click()
    try:
        expect(step_three).to_be_visible(timeout=RERUN_TIMEOUT_MS)
    except AssertionError:
        expect(steps.get_by_role("heading", name=re.compile(r"^Step 2 of 4: BL40"))).to_be_visible()
        script_idle(steps)
        steps.get_by_role("button", name="Next point", exact=True).click()
        expect(step_three).to_be_visible(timeout=RERUN_TIMEOUT_MS)
    assert re.search(r"routine=BL23(,|%2C)BL40(,|%2C)KI3(,|%2C)GV3", steps.url) and "step=3" in steps.url, steps.url
    # The chart's link shows the same card and routine there, and its clicks are answered.
    chart.reload()
    card_shown(chart, "GV3")
    expect(chart.get_by_role("button", name="Remove GV3 from my routine")).to_be_visible()
    click_point(chart, "BL23")
    assert cluster.served_by(route) == "b"
    chart.context.close()
    steps.context.close()
