#!/usr/bin/env bash
# The package as a user gets it: build the sdist and the wheel, install the wheel (not editable)
# into a fresh venv outside the source tree, and run every method of `brief methods` on a copy of
# the seeds, `brief build` (all formats: the templates must come from the package itself),
# `brief --version` and `python -m brief --version`. A subpackage or data file missing from the
# wheel fails here, as it would for a user. Usage: tests/smoke_wheel.sh PYTHON
set -euo pipefail
python=${1:-python3}
src=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$python" -m build --sdist --wheel --outdir "$work/dist" "$src" >"$work/build.log" 2>&1 ||
  { cat "$work/build.log"; exit 1; }
"$python" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q --disable-pip-version-check "$work"/dist/*.whl \
  2> >(grep -v "^WARNING: Location" >&2)

cp -r "$src/seeds" "$work/seeds"
cd "$work"  # outside the source tree: nothing can be imported from the checkout
export NLTK_DATA="$work/no-nltk-data"
bin="$work/venv/bin"
"$bin/brief" --version
"$bin/python" -m brief --version
where=$("$bin/python" -c 'import brief, pathlib; print(pathlib.Path(brief.__file__).parent)')
case "$where" in "$src"*) echo "brief was imported from the checkout: $where" >&2; exit 1 ;; esac
methods=$("$bin/brief" methods --json | "$bin/python" -c 'import json, sys; print(" ".join(m["name"] for m in json.load(sys.stdin)))')
for method in $methods; do
  case "$method" in sumy-*) continue ;; esac  # the slow oracles: their fast twins run below
  "$bin/brief" summarize seeds --method "$method" --sentences 3 >/dev/null ||
    { echo "wheel smoke: method $method failed" >&2; exit 1; }
done
"$bin/brief" summarize seeds --method sumy-lexrank --sentences 3 >/dev/null
"$bin/brief" build seeds --format md,html,json --date 2026-11-21 --out "$work/out" >/dev/null
test -s "$work"/out/2026-11-21-*.html
"$bin/python" -c 'import json; from importlib.resources import files; [json.loads(files("brief").joinpath("schemas", n).read_text()) for n in ("brief-1.json", "brief-daily-1.json")]' ||
  { echo "wheel smoke: the JSON schemas are not in the wheel" >&2; exit 1; }
echo "wheel smoke: $(ls "$work"/dist | tr '\n' ' ')installed outside the tree; every method, build and --version work"
