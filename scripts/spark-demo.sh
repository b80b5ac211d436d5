#!/usr/bin/env bash
# Runs newsgist as a Spark RDD.pipe() stage in local mode and checks that every
# input id comes back exactly once. Needs Java 17+ and network access to PyPI
# the first time (pyspark goes into a virtualenv outside the repository).
#
#   scripts/spark-demo.sh CORPUS.jsonl [MASTER]        (default master: local[2])
#
# NEWSGIST_SPARK_VENV overrides the virtualenv path.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:?usage: scripts/spark-demo.sh CORPUS.jsonl [MASTER]}
master=${2:-local[2]}
command -v java >/dev/null || { echo "spark-demo: needs Java 17 or newer on PATH" >&2; exit 2; }
venv=${NEWSGIST_SPARK_VENV:-${TMPDIR:-/tmp}/newsgist-spark-venv}
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c 'import pyspark' 2>/dev/null; then
  "$venv/bin/pip" install --quiet --disable-pip-version-check pyspark
fi
cargo build --release --quiet
bin=$(cd "${CARGO_TARGET_DIR:-target}/release" && pwd)/newsgist
exec "$venv/bin/python" scripts/spark_pipe.py --newsgist "$bin" --master "$master" "$corpus"
