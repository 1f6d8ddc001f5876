"""What the tests share: the project's test documents, builders of files in other formats, and
generators of text."""
