# Two commands do all the set-up on a fresh machine:
#   make serve   -> creates .venv (if missing), runs the service on the sandbox with SQLite
#   make test    -> creates .venv (if missing), runs the whole test suite
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: serve test lint typecheck eval eval-gate eval-devsets bench robustness sandbox

# Eval floors: what the offline router reaches today. Raise them as it improves; never lower.
EVAL_FLOOR_DRY ?= 0.98
EVAL_FLOOR_SANDBOX ?= 0.965
EVAL_FLOOR_DEVSET ?= 0.997
EVAL_FLOOR_DEVSET2 ?= 0.975
EVAL_FLOOR_DEVSET3 ?= 0.985
EVAL_FLOOR_DEVSET4 ?= 0.98
EVAL_FLOOR_DEVSET5 ?= 0.975
EVAL_FLOOR_DEVSET6 ?= 0.98
EVAL_FLOOR_DEVSET7 ?= 0.975
EVAL_FLOOR_DEVSET8 ?= 0.985
EVAL_FLOOR_DEVSET9 ?= 0.995
EVAL_FLOOR_DEVSET10 ?= 0.995
EVAL_FLOOR_DEVSET11 ?= 0.995
EVAL_FLOOR_DEVSET12 ?= 0.99
EVAL_FLOOR_DEVSET13 ?= 0.985
EVAL_FLOOR_DEVSET14 ?= 0.95
EVAL_FLOOR_DEVSET15 ?= 0.965
EVAL_FLOOR_DEVSET16 ?= 0.985
EVAL_FLOOR_DEVSET17 ?= 0.975
EVAL_FLOOR_DEVSET18 ?= 0.985
EVAL_FLOOR_DEVSET19 ?= 0.99
EVAL_FLOOR_DEVSET20 ?= 0.995
EVAL_FLOOR_DEVSET21 ?= 0.98
EVAL_FLOOR_DEVSET22 ?= 0.99
EVAL_FLOOR_DEVSET23 ?= 0.985
EVAL_FLOOR_DEVSET24 ?= 0.99
EVAL_FLOOR_DEVSET25 ?= 0.98
EVAL_FLOOR_DEVSET26 ?= 0.995
EVAL_FLOOR_DEVSET27 ?= 0.99
EVAL_FLOOR_DEVSET28 ?= 0.985
EVAL_FLOOR_DEVSET29 ?= 0.98
EVAL_FLOOR_DEVSET30 ?= 0.995
EVAL_FLOOR_DEVSET31 ?= 0.985
EVAL_FLOOR_DEVSET32 ?= 0.975
EVAL_FLOOR_DEVSET33 ?= 0.995
EVAL_FLOOR_DEVSET34 ?= 0.997
EVAL_FLOOR_DEVSET35 ?= 0.995
EVAL_FLOOR_DEVSET36 ?= 0.995
EVAL_FLOOR_DEVSET37 ?= 0.99
EVAL_FLOOR_DEVSET38 ?= 0.99
EVAL_FLOOR_DEVSET39 ?= 0.995
EVAL_FLOOR_DEVSET40 ?= 0.99
EVAL_FLOOR_DEVSET41 ?= 0.995
EVAL_FLOOR_DEVSET42 ?= 0.99
EVAL_FLOOR_DEVSET43 ?= 0.995
EVAL_FLOOR_DEVSET44 ?= 0.98
EVAL_FLOOR_DEVSET45 ?= 0.98
EVAL_FLOOR_DEVSET46 ?= 0.875
EVAL_FLOOR_DEVSET47 ?= 0.95
EVAL_FLOOR_DEVSET48 ?= 0.89
EVAL_FLOOR_DEVSET49 ?= 0.98
EVAL_FLOOR_DEVSET50 ?= 0.955

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/stripe-agent serve

sandbox: $(STAMP)
	$(BIN)/stripe-agent sandbox

test: $(STAMP)
	$(BIN)/python -m pytest -n 2

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy agent skills api

eval: $(STAMP)
	$(BIN)/python -m evals run evals/transcripts --backend dry --report reports/eval-dry

eval-gate: $(STAMP)
	$(BIN)/python -m evals run evals/transcripts --backend dry --min-pass-rate $(EVAL_FLOOR_DRY)
	$(BIN)/python -m evals run evals/transcripts --backend sandbox --min-pass-rate $(EVAL_FLOOR_SANDBOX)
	$(BIN)/python -m evals run evals/devset --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET)
	$(BIN)/python -m evals run evals/devset2 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET2)
	$(BIN)/python -m evals run evals/devset3 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET3)
	$(BIN)/python -m evals run evals/devset4 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET4)
	$(BIN)/python -m evals run evals/devset5 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET5)
	$(BIN)/python -m evals run evals/devset6 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET6)
	$(BIN)/python -m evals run evals/devset7 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET7)
	$(BIN)/python -m evals run evals/devset8 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET8)
	$(BIN)/python -m evals run evals/devset9 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET9)
	$(BIN)/python -m evals run evals/devset10 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET10)
	$(BIN)/python -m evals run evals/devset11 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET11)
	$(BIN)/python -m evals run evals/devset12 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET12)
	$(BIN)/python -m evals run evals/devset13 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET13)
	$(BIN)/python -m evals run evals/devset14 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET14)
	$(BIN)/python -m evals run evals/devset15 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET15)
	$(BIN)/python -m evals run evals/devset16 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET16)
	$(BIN)/python -m evals run evals/devset17 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET17)
	$(BIN)/python -m evals run evals/devset18 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET18)
	$(BIN)/python -m evals run evals/devset19 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET19)
	$(BIN)/python -m evals run evals/devset20 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET20)
	$(BIN)/python -m evals run evals/devset21 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET21)
	$(BIN)/python -m evals run evals/devset22 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET22)
	$(BIN)/python -m evals run evals/devset23 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET23)
	$(BIN)/python -m evals run evals/devset24 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET24)
	$(BIN)/python -m evals run evals/devset25 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET25)
	$(BIN)/python -m evals run evals/devset26 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET26)
	$(BIN)/python -m evals run evals/devset27 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET27)
	$(BIN)/python -m evals run evals/devset28 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET28)
	$(BIN)/python -m evals run evals/devset29 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET29)
	$(BIN)/python -m evals run evals/devset30 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET30)
	$(BIN)/python -m evals run evals/devset31 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET31)
	$(BIN)/python -m evals run evals/devset32 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET32)
	$(BIN)/python -m evals run evals/devset33 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET33)
	$(BIN)/python -m evals run evals/devset34 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET34)
	$(BIN)/python -m evals run evals/devset35 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET35)
	$(BIN)/python -m evals run evals/devset36 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET36)
	$(BIN)/python -m evals run evals/devset37 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET37)
	$(BIN)/python -m evals run evals/devset38 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET38)
	$(BIN)/python -m evals run evals/devset39 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET39)
	$(BIN)/python -m evals run evals/devset40 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET40)
	$(BIN)/python -m evals run evals/devset41 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET41)
	$(BIN)/python -m evals run evals/devset42 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET42)
	$(BIN)/python -m evals run evals/devset43 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET43)
	$(BIN)/python -m evals run evals/devset44 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET44)
	$(BIN)/python -m evals run evals/devset45 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET45)
	$(BIN)/python -m evals run evals/devset46 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET46)
	$(BIN)/python -m evals run evals/devset47 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET47)
	$(BIN)/python -m evals run evals/devset48 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET48)
	$(BIN)/python -m evals run evals/devset49 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET49)
	$(BIN)/python -m evals run evals/devset50 --backend dry --min-pass-rate $(EVAL_FLOOR_DEVSET50)

# Every tuning set with its report (failing turns listed in reports/<set>/report.md).
eval-devsets: $(STAMP)
	for set in devset devset2 devset3 devset4 devset5 devset6 devset7 devset8 devset9 devset10 devset11 devset12 devset13 devset14 devset15 devset16 devset17 devset18 devset19 devset20 devset21 devset22 devset23 devset24 devset25 devset26 devset27 devset28 devset29 devset30 devset31 devset32 devset33 devset34 devset35 devset36 devset37 devset38 devset39 devset40 devset41 devset42 devset43 devset44 devset45 devset46 devset47 devset48 devset49 devset50; do \
		$(BIN)/python -m evals run evals/$$set --backend dry --report reports/$$set --quiet; \
	done

bench: $(STAMP)
	$(BIN)/python -m evals.bench

# Meaning-preserving rewrites (lowercase, no apostrophes, greeting, signature, typo) of every
# passing case: how many flip. Add --show to list them.
robustness: $(STAMP)
	$(BIN)/python -m evals.perturb
