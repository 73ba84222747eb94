#!/usr/bin/env bash
# Every check the project has, from a clean checkout: tests (with the docs' examples),
# mypy --strict, ruff, and the documentation build with warnings as errors.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/.venv/bin:$PATH"
echo "== ruff"; ruff check src tests bench scripts
echo "== mypy"; mypy
echo "== docs"; mkdocs build --strict --site-dir .site 2>&1 | { grep -v "^INFO" || true; }; test "${PIPESTATUS[0]}" -eq 0
echo "== tests"; python -m pytest -q -p no:cacheprovider --cov --cov-report=term:skip-covered
