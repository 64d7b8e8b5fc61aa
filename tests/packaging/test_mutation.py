"""`make mutation` works: mutmut run end to end on one small function and its test."""

import re
import subprocess
import sys


def test_mutation_run_on_a_tiny_scope_reports_counts_that_add_up(root, tmp_path):
    done = subprocess.run(
        [sys.executable, "tools/mutation.py", "--work", str(tmp_path),
         "--only", "lab_helpers/explain.py",
         "--tests", "tests/unit/test_explain.py::test_confusions_and_summary",
         "--mutants", "lab_helpers.explain.x__join__mutmut_*"],
        cwd=root, capture_output=True, text=True, check=False, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    counts = re.fullmatch(r"mutants: (\d+): (\d+) killed, (\d+) survived, (\d+) other.*",
                          lines[0])
    assert counts, lines
    total, killed, survived, other = map(int, counts.groups())
    assert total == killed + survived + other
    assert killed > 0  # the test does catch a changed "and" or a changed index
    score = float(re.fullmatch(r"score: ([\d.]+)% killed", lines[1]).group(1))
    assert score == round(100 * killed / total, 1)
    left = lines[3:] if survived + other else lines[2:]
    assert len(left) == survived + other
    assert all(line.startswith("  lab_helpers.explain.x__join__mutmut_") for line in left)
    # its work stays in the folder given: mutmut's copy, not the source tree
    assert (tmp_path / "mutants" / "lab_helpers" / "explain.py").exists()
    assert not (root / "mutants").exists()
