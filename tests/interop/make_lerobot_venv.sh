#!/usr/bin/env bash
# Build LeRobot's own venv for the interop tier (tests/interop, `pytest -m lerobot tests/interop`).
# lerobot 0.6.1 needs Python >= 3.12 and torch < 2.12; armstack's venv is Python 3.11 with torch 2.13, so LeRobot
# never shares it. Pinned by tests/interop/constraints-lerobot.txt; about 5.5 GB (PyPI's torch pulls CUDA wheels).
# A rerun with the same pins does nothing. LEROBOT_VENV (default .venv-lerobot) and LEROBOT_PYTHON override.
set -euo pipefail
cd "$(dirname "$0")/../.."
VENV=${LEROBOT_VENV:-.venv-lerobot}
PINS=tests/interop/constraints-lerobot.txt
KEY=$(sha256sum "$PINS" | cut -c1-12)
STAMP="$VENV/.installed-$KEY"
if [[ -f "$STAMP" ]]; then
    echo "$VENV: lerobot venv up to date ($KEY)"
    exit 0
fi

is_312() { "$1" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; }
PY=${LEROBOT_PYTHON:-}
if [[ -z "$PY" ]]; then
    for c in python3.12 python3.13 "$(pyenv root 2>/dev/null)"/versions/3.12*/bin/python3 \
             "$(pyenv root 2>/dev/null)"/versions/3.13*/bin/python3; do
        if command -v "$c" >/dev/null 2>&1 && is_312 "$c"; then PY=$c; break; fi
    done
fi
if [[ -z "$PY" ]] || ! is_312 "$PY"; then
    echo "make_lerobot_venv: lerobot 0.6.1 needs Python >= 3.12; none found (set LEROBOT_PYTHON=/path/to/python3.12)" >&2
    exit 1
fi

rm -rf "$VENV"
"$PY" -m venv "$VENV"
"$VENV/bin/python" -m pip install -q -c "$PINS" "lerobot[dataset,training,diffusion]==0.6.1"
"$VENV/bin/python" -c 'import lerobot, torch; assert lerobot.__version__ == "0.6.1", lerobot.__version__; print("lerobot", lerobot.__version__, "torch", torch.__version__)'
touch "$STAMP"
