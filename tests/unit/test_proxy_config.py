"""The proxy's config as deploy.proxy renders it: every name filled in, brotli only where nginx can serve it."""

from __future__ import annotations

import pytest

import deploy.proxy as proxy


def frontend(tmp_path, with_br: bool):
    js = tmp_path / "frontend" / "static" / "js"
    js.mkdir(parents=True)
    (js / "PlotlyChart.abc.js").write_text("x")
    (js / "PlotlyChart.abc.js.gz").write_text("x")
    if with_br:
        (js / "PlotlyChart.abc.js.br").write_text("x")
    return tmp_path / "frontend"


@pytest.mark.parametrize(("module", "with_br", "brotli"), [(True, True, True), (True, False, False), (False, True, False)])
def test_brotli_is_served_only_with_its_module_and_its_files(tmp_path, monkeypatch, module, with_br, brotli):
    fake = tmp_path / "ngx_http_brotli_static_module.so"
    if module:
        fake.write_text("")
    monkeypatch.setattr(proxy, "BROTLI_MODULE", fake)
    conf = proxy.render("127.0.0.1:8080", ["127.0.0.1:8501"], frontend(tmp_path, with_br), tmp_path / "prefix")
    assert "@" not in conf.replace("@app", "")  # every @NAME@ filled in (nginx's named location stays)
    assert ("brotli_static on;" in conf) is brotli
    assert (f"load_module {fake};" in conf) is brotli
    assert "gzip_static on;" in conf
    assert "</static/js/PlotlyChart.abc.js>; rel=modulepreload" in conf
