"""The README's example of using the helpers runs as written."""

import os
import re
import subprocess
import sys


def test_helpers_example_runs(tmp_path, root):
    readme = (root / "README.md").read_text()
    section = readme.split("## Using the helpers in your own notebook", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    assert '"path/to/this/repository"' in code
    code = code.replace('"path/to/this/repository"', repr(str(root)))
    env = {**os.environ, "MPLBACKEND": "Agg"}
    done = subprocess.run([sys.executable, "-W", "error", "-c", code], cwd=tmp_path, env=env,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "(100, 100)"
    assert (tmp_path / "regions.png").stat().st_size > 10_000


def test_readme_names_every_public_helper(root):
    import lab_utils_common
    import lab_utils_multiclass_TF

    readme = (root / "README.md").read_text()
    shared = set(lab_utils_common.__all__) & set(lab_utils_multiclass_TF.__all__)
    for module in (lab_utils_multiclass_TF, lab_utils_common):
        for name in module.__all__:
            if name in {"STYLE_FILE", "CLASS_COLOR_NAMES", "ReluUnit", "OutputUnit",
                        "TrainingExplorer"} or (module is lab_utils_common and name in shared):
                continue  # constants and returned types, documented in the docstrings
            if name.startswith("dl") and name not in {"dlc", "dlcolors"}:
                continue  # the colour names, listed as a range
            assert f"`{name}`" in readme, name
