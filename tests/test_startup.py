"""clusterlab loads jsonschema without the slow optional grammars (clusterlab/_startup.py)."""

import subprocess
import sys

from conftest import ROOT


def test_clusterlab_loads_jsonschema_without_the_slow_grammars_and_leaves_them_importable():
    code = """
import sys, time
start = time.perf_counter()
import clusterlab.charts
took = time.perf_counter() - start
assert "jsonschema" in sys.modules and "altair" in sys.modules
assert "rfc3987_syntax" not in sys.modules, "the grammars were loaded"
from clusterlab import charts
charts.consortium_chart().to_dict()            # Altair still validates against the schema
import jsonschema
try:
    jsonschema.validate({"a": 1}, {"properties": {"a": {"type": "string"}}})
    raise SystemExit("jsonschema accepted a wrong type")
except jsonschema.ValidationError:
    pass
import rfc3987_syntax                          # and the package itself can still be imported
print(round(took, 2))
"""
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
