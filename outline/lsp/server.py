"""The language server itself: pygls over standard input and output, answering from one
`Analysis` per version of each open document.

Each version is parsed and checked once, in a worker thread, so the server keeps reading
messages while a large document is parsed; whatever the editor then asks of that version —
symbols, folding, hover, code actions, diagnostics — is read from the same analysis.
Diagnostics are published on open at once, and on change once typing pauses (`DEBOUNCE`).
"""

from __future__ import annotations

import asyncio
import os
import sys
from concurrent.futures import ThreadPoolExecutor

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from outline import __version__
from outline.lsp import features
from outline.lsp.features import Analysis

DEBOUNCE = 0.3
"""Seconds without a change before a changed document is checked again."""
LANGUAGES = ("zh", "en")


class OutlineServer(LanguageServer):
    """A language server with the analyses of the open documents."""

    def __init__(self, lang: str = "zh") -> None:
        super().__init__("outline", __version__)
        self.lang = lang
        self.parser = ThreadPoolExecutor(max_workers=1, thread_name_prefix="outline-parse")
        self.held: dict[str, tuple[str, asyncio.Future[Analysis]]] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}

    def analysis(self, uri: str) -> asyncio.Future[Analysis]:
        """The analysis of a document as it stands now: the one held for its text, or a new
        one started in the parser's thread."""
        text = self.workspace.get_text_document(uri).source
        held = self.held.get(uri)
        if held is not None and held[0] == text:
            return held[1]
        encoding = str(self.workspace.position_encoding or "utf-16")
        started = asyncio.get_running_loop().run_in_executor(
            self.parser, Analysis.of, text, encoding
        )
        self.held[uri] = (text, started)
        return started

    async def publish(self, uri: str, delay: float = 0.0) -> None:
        """Check a document, after `delay` seconds, and publish its diagnostics."""
        if delay:
            await asyncio.sleep(delay)
        version = self.workspace.get_text_document(uri).version
        analysis = await self.analysis(uri)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri, version=version, diagnostics=features.diagnostics(analysis, self.lang)
            )
        )

    def schedule(self, uri: str, delay: float) -> None:
        """Publish a document's diagnostics after `delay`, instead of any publishing pending."""
        pending = self.pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        self.pending[uri] = asyncio.ensure_future(self.publish(uri, delay))

    def forget(self, uri: str) -> None:
        """Drop what is held for a closed document, and its diagnostics."""
        pending = self.pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        self.held.pop(uri, None)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )


def build(lang: str = "zh") -> OutlineServer:
    """A server with every feature registered."""
    server = OutlineServer(lang)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: OutlineServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0.0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: OutlineServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, DEBOUNCE)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: OutlineServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.forget(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    async def document_symbol(
        ls: OutlineServer, params: types.DocumentSymbolParams
    ) -> list[types.DocumentSymbol]:
        return features.symbols(await ls.analysis(params.text_document.uri))

    @server.feature(types.TEXT_DOCUMENT_FOLDING_RANGE)
    async def folding_range(
        ls: OutlineServer, params: types.FoldingRangeParams
    ) -> list[types.FoldingRange]:
        return features.folding(await ls.analysis(params.text_document.uri))

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(ls: OutlineServer, params: types.HoverParams) -> types.Hover | None:
        return features.hover(await ls.analysis(params.text_document.uri), params.position)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(
            code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll]
        ),
    )
    async def code_action(
        ls: OutlineServer, params: types.CodeActionParams
    ) -> list[types.CodeAction]:
        uri = params.text_document.uri
        return features.actions(await ls.analysis(uri), uri, params.range, ls.lang)

    return server


def serve(lang: str = "zh") -> None:
    """Answer an editor over standard input and output until it says exit. pygls closes the
    streams it is given when it stops: it is given copies, so that sys.stdout stays open."""
    with (
        os.fdopen(os.dup(sys.stdin.fileno()), "rb") as stdin,
        os.fdopen(os.dup(sys.stdout.fileno()), "wb") as stdout,
    ):
        build(lang).start_io(stdin, stdout)
