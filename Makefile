# exporter: make demo | make test | make docx pdf epub all | make eval | make bench
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
SAMPLE := exporter/samples/harbour-solar.md
ARTICLE ?= $(SAMPLE)
OUT    ?= out

.PHONY: install test-deps demo test docx pdf epub all lint eval eval-web eval-quotes bench email clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/activate pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.test-installed: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

test-deps: $(VENV)/.test-installed

demo: install
	$(BIN)/exporter export $(SAMPLE) --out $(OUT)

docx pdf epub: install
	$(BIN)/exporter export $(ARTICLE) --format $@ --out $(OUT)

all: install
	$(BIN)/exporter export $(ARTICLE) --format docx,pdf,epub --out $(OUT)

lint: test-deps
	$(BIN)/ruff check exporter tests
	$(BIN)/mypy

test: test-deps lint
	$(BIN)/pytest -q

# make email ARTICLE=story.txt TO=desk@example.org [SMTP=host:587] [ATTACH=docx,pdf]
# Without SMTP the message is written to $(OUT)/briefing.eml for any mail client to open.
TO     ?=
SMTP   ?=
ATTACH ?=
FROM   ?=
email: install
	@test -n "$(TO)" || { echo "make email: set TO=address (and ARTICLE=path)" >&2; exit 2; }
	$(BIN)/exporter email $(ARTICLE) --to "$(TO)" $(if $(FROM),--from "$(FROM)") \
		$(if $(ATTACH),--attach $(ATTACH)) $(if $(SMTP),--smtp $(SMTP),--eml $(OUT)/briefing.eml)

eval: test-deps
	$(PY) benchmarks/eval.py

eval-web: test-deps
	$(PY) benchmarks/eval_web.py

# Key quotes, speakers and figures on ../shared/eval/web, and speakers on our labelled set.
eval-quotes: install
	$(PY) benchmarks/eval_quotes.py

bench: test-deps
	@for script in benchmarks/bench_*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

clean:
	rm -rf $(OUT) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
