#!/usr/bin/env bash
# The main job: set up, then check every bundled example project.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh run
exec .venv/bin/opsreform check examples/*.toml
