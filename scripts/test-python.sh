#!/usr/bin/env bash
# Python binding: creates .venv at the repo root if missing, installs the test tools
# (bindings-python/requirements-test.txt), builds the module in debug with `maturin develop`,
# and runs pytest (bindings-python/tests). Usage: scripts/test-python.sh [pytest args…]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

if [ ! -x .venv/bin/python ]; then
  echo "creating .venv"
  python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check \
  -r bindings-python/requirements-test.txt

# gongkai.spark's tests (bindings-python/tests/test_spark.py) run PySpark in local[2]: a Java
# runtime from Debian and pyspark from PyPI, each installed only when missing (pyspark is a
# ~500 MB download, about 2 minutes here; the Spark tests take about 2 minutes on 2 cores).
if ! command -v java >/dev/null 2>&1; then
  echo "installing a Java runtime for the PySpark tests (default-jre-headless)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null
fi
if ! .venv/bin/python -c "import pyspark" >/dev/null 2>&1; then
  echo "installing pyspark for the PySpark tests"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check "pyspark==4.3.0"
fi

# maturin develop finds the venv through VIRTUAL_ENV.
(cd bindings-python && VIRTUAL_ENV="$root/.venv" PATH="$root/.venv/bin:$PATH" \
  maturin develop --locked)

.venv/bin/python -m pytest -p no:cacheprovider -q bindings-python/tests "$@"
# The Python blocks of README.md and the documents it points to (bindings-python/README.md's
# run in tests/test_readme.py).
.venv/bin/python scripts/doc-blocks.py --run python
