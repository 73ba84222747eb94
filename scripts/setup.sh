#!/usr/bin/env bash
# Create .venv (once) and install opsreform with every extra into it.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
.venv/bin/python -m pip install -qq --disable-pip-version-check -e ".[dev,docs,charts,ical,dask]"
