"""`outline lsp`: a language server, so that editors show a document's skeleton and check its
numbering as it is written.

`positions` maps offsets of the text to LSP positions; `features` turns a parsed and checked
text into what the editor asks for (symbols, folding ranges, diagnostics, code actions,
hover); `server` answers over standard input and output with pygls, an optional dependency
(`pip install 'outline[lsp]'`) that only `server` imports.
"""
