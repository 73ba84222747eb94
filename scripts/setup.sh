#!/usr/bin/env bash
# Create .venv (once) and install opsreform into it.
#   bash scripts/setup.sh        opsreform with every extra and the developer tools (checks)
#   bash scripts/setup.sh run    opsreform alone: what the command line needs, nothing more
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
if [ "${1:-}" = "run" ]; then
    .venv/bin/python -m pip install -qq --disable-pip-version-check -e .
else
    .venv/bin/python -m pip install -qq --disable-pip-version-check -e ".[dev,docs,charts,ical,pdf,dask]"
fi
