#!/usr/bin/env bash
# Java (Debian's default headless JRE: OpenJDK 17 on bookworm) and PySpark, for the Spark
# recipe's test (tests/test_scale_spark.py, which skips without them).
# Cost measured on this machine: apt-get update 2 s, openjdk-17-jre-headless 15 s (44 MB),
# pip install pyspark 2 min 7 s (~320 MB): about 2.5 min of CI's 90.
set -uo pipefail
cd "$(dirname "$0")/.."
if ! command -v java >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  mkdir -p /usr/share/man/man1        # the JRE's post-install step expects it on slim images
  if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends default-jre-headless >/dev/null; }; then
    echo "install-java.sh: Java could not be installed: tests/test_scale_spark.py will be skipped" >&2
  fi
fi
if ! python -m pip install -q -e ".[spark]"; then
  echo "install-java.sh: PySpark could not be installed: tests/test_scale_spark.py will be skipped" >&2
fi
exit 0
