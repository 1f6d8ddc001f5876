"""pytest's configuration: the shared helpers live in tests/support."""
