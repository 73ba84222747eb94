#!/usr/bin/env bash
# Run the tests against the lowest versions pyproject.toml allows (kept out of CI for
# time; run it when a lower bound changes). Uses its own virtualenv, .venv-min.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv-min/bin/python ] || python3 -m venv .venv-min
.venv-min/bin/python -m pip install -qq --disable-pip-version-check \
    "attrs==23.2.0" "python-dateutil==2.9.0.post0" "holidays==0.109" "pint==0.24.4" \
    "babel==2.14.0" "tomli-w==1.0.0" "icalendar==6.1.0" "matplotlib==3.11.0" "jinja2==3.1.6" \
    pytest pytest-cov hypothesis jsonschema
.venv-min/bin/python -m pip install -qq --disable-pip-version-check --no-deps -e .
.venv-min/bin/python -m pytest -q -p no:cacheprovider
