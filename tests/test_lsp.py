"""`outline lsp` driven as an editor drives it: a subprocess spoken to in JSON-RPC over its
standard input and output (Content-Length framing) — symbols, folding, diagnostics on open and
change, code actions that make check --fix's edits, hover. And the pure parts beneath it:
positions in UTF-16 code units, the features of one analysis."""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
from typing import IO, Any

import pytest

pytest.importorskip("pygls")

from outline import parse
from outline.check.fix import fix
from outline.lsp import features
from outline.lsp.features import Analysis
from outline.lsp.positions import Positions
from outline.render.plain import heading_text
from tests.support.corpus import ROOT

SEED = ROOT / "seeds" / "report-devzone-discipline.txt"
WAIT = 60.0
"""Seconds to wait for an answer before the test fails (never a measure of speed)."""


class Client:
    """An editor's side of the protocol: requests, notifications, and what the server sends."""

    def __init__(self, *args: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "outline", "lsp", *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.received: queue.Queue[dict[str, Any]] = queue.Queue()
        self.notifications: list[dict[str, Any]] = []
        self.next_id = 0
        assert self.process.stdout is not None
        threading.Thread(target=self._read, args=(self.process.stdout,), daemon=True).start()

    def _read(self, stream: IO[bytes]) -> None:
        while True:
            headers: dict[str, str] = {}
            while (line := stream.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("ascii").partition(":")
                headers[name.strip().lower()] = value.strip()
            if not headers:
                return
            self.received.put(json.loads(stream.read(int(headers["content-length"]))))

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}, ensure_ascii=False).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: dict[str, Any] | None = None) -> Any:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        while True:
            message = self.received.get(timeout=WAIT)
            if message.get("id") == self.next_id and "method" not in message:
                assert "error" not in message, message
                return message["result"]
            self.notifications.append(message)

    def notification(self, method: str) -> dict[str, Any]:
        """The next notification of a method, whether already received or still to come."""
        for index, message in enumerate(self.notifications):
            if message.get("method") == method:
                return self.notifications.pop(index)["params"]  # type: ignore[no-any-return]
        while True:
            message = self.received.get(timeout=WAIT)
            if message.get("method") == method:
                return message["params"]  # type: ignore[no-any-return]
            self.notifications.append(message)

    def close(self) -> int:
        self.request("shutdown")
        self.notify("exit", {})
        return self.process.wait(timeout=WAIT)


def named(symbols: list[dict[str, Any]], level: int = 1) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for symbol in symbols:
        found.append((level, symbol["name"]))
        found.extend(named(symbol.get("children", []), level + 1))
    return found


def applied(text: str, edits: list[dict[str, Any]]) -> str:
    lines = Positions(text)
    spans = [
        (
            lines.offset(e["range"]["start"]["line"], e["range"]["start"]["character"]),
            lines.offset(e["range"]["end"]["line"], e["range"]["end"]["character"]),
            e["newText"],
        )
        for e in edits
    ]
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def test_an_editor_session_over_stdio() -> None:
    text = SEED.read_text(encoding="utf-8")
    doc = parse(text)
    uri = SEED.as_uri()
    client = Client("--lang", "en")
    try:
        capabilities = client.request(
            "initialize", {"processId": None, "rootUri": None, "capabilities": {}}
        )["capabilities"]
        for provider in ("documentSymbolProvider", "foldingRangeProvider", "hoverProvider"):
            assert capabilities[provider]
        assert capabilities["codeActionProvider"]
        client.notify("initialized", {})
        document = {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}
        client.notify("textDocument/didOpen", {"textDocument": document})
        assert client.notification("textDocument/publishDiagnostics")["diagnostics"] == []

        symbols = client.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
        assert named(symbols) == [(v.level, heading_text(v.node)) for v in doc.walk()]
        folds = client.request("textDocument/foldingRange", {"textDocument": {"uri": uri}})
        assert [f["startLine"] for f in folds] == [n.line - 1 for n in doc.nodes]

        third = doc.nodes[2]  # 三、 becomes 四、: one number skipped
        line, column = third.line - 1, third.column - 1
        change = {
            "range": {
                "start": {"line": line, "character": column},
                "end": {"line": line, "character": column + 1},
            },
            "text": "四",
        }
        client.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [change]},
        )
        published = client.notification("textDocument/publishDiagnostics")
        assert published["version"] == 2
        (diagnostic,) = published["diagnostics"]
        assert diagnostic["code"] == "N101"
        assert diagnostic["source"] == "outline"
        assert diagnostic["range"]["start"] == {"line": line, "character": column}
        assert "number skipped" in diagnostic["message"]

        changed = text[: third.marker_start] + "四" + text[third.marker_start + 1 :]
        actions = client.request(
            "textDocument/codeAction",
            {
                "textDocument": {"uri": uri},
                "range": diagnostic["range"],
                "context": {"diagnostics": [diagnostic]},
            },
        )
        quick, every = actions
        assert quick["kind"] == "quickfix"
        assert quick["edit"]["changes"][uri] == [{"range": diagnostic["range"], "newText": "三、"}]
        assert every["kind"] == "source.fixAll"
        mended = applied(changed, every["edit"]["changes"][uri])
        assert mended == fix(changed, parse(changed)) == text

        shown = client.request(
            "textDocument/hover",
            {"textDocument": {"uri": uri}, "position": {"line": line, "character": column}},
        )
        assert shown["contents"]["value"].startswith("四、\n四、")
        assert client.close() == 0
    finally:
        if client.process.poll() is None:
            client.process.kill()


def test_without_pygls_the_command_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    import outline.cli.lsp
    from outline.cli import app

    monkeypatch.setattr(outline.cli.lsp, "find_spec", lambda name: None)
    result = CliRunner().invoke(app, ["lsp"])
    assert result.exit_code == 2
    assert result.stderr == "outline: lsp needs pygls: pip install 'outline[lsp]'\n"
    assert CliRunner().invoke(app, ["lsp", "--lang", "fr"]).exit_code == 2


def test_positions_count_utf16_code_units_and_every_line_end() -> None:
    lines = Positions("𠀀一\r\n二\r三\n")
    assert lines.position(1) == (0, 2)
    assert lines.position(2) == (0, 3)
    assert lines.position(4) == (1, 0)
    assert lines.position(6) == (2, 0)
    assert lines.offset(0, 3) == 2
    assert lines.offset(9, 0) == len(lines.text)
    assert Positions("𠀀一", "utf-8").position(2) == (0, 7)
    assert Positions("𠀀一", "utf-32").offset(0, 1) == 1


def test_symbols_fold_and_hover_over_wide_characters() -> None:
    text = "𠀀𠀀的通知\n一、总体要求\n（一）指导思想\n正文。\n二、任务\n"
    analysis = Analysis.of(text)
    (first, second) = features.symbols(analysis)
    assert first.name == "一、总体要求"
    assert first.selection_range.start.line == 1
    assert [c.name for c in first.children or []] == ["（一）指导思想"]
    assert first.range.end.line == 4 and second.range.start.line == 4
    folds = features.folding(analysis)
    assert [(f.start_line, f.end_line) for f in folds] == [(1, 3), (2, 3)]
    from lsprotocol import types

    shown = features.hover(analysis, types.Position(line=2, character=1))
    assert shown is not None
    assert isinstance(shown.contents, types.MarkupContent)
    assert shown.contents.value == "一、 › （一）\n一、总体要求 › （一）指导思想"
    assert features.hover(analysis, types.Position(line=3, character=0)) is None
