# make demo   create .venv, install, print the skeletons of the sample speeches
# make test   install with test extras, then lint, type-check and run the tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint typecheck pytest golden bench numerals clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# An editable install that puts the project on the path by a .pth line (compat), not by an
# import hook that every start of the interpreter would load.
EDITABLE := --config-settings editable_mode=compat

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q $(EDITABLE) -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q $(EDITABLE) -e '.[test]'
	@touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	$(BIN)/outline show seeds/

test: $(VENV)/.installed-test lint typecheck pytest

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy

pytest: $(VENV)/.installed-test
	$(BIN)/pytest

golden: $(VENV)/.installed
	$(BIN)/python -m tests.support.make_golden

bench: $(VENV)/.installed
	$(BIN)/python -m benchmarks

numerals: $(VENV)/.installed
	$(BIN)/python scripts/gen_numerals.py

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache build *.egg-info
