"""Mutation testing of the helper package: how many planted one-line bugs the tests catch.

Usage: ``python tools/mutation.py`` (this is what ``make mutation`` does).

mutmut (settings: ``[tool.mutmut]`` in pyproject.toml) plants one small change
at a time in the modules that compute (network, predictor, compute, trace), explain,
train (callbacks) and replay (explorer), and runs the
tests of tests/unit and tests/figures that reach the changed function (those
marked ``no_mutation`` left out). A change the tests do
not notice "survived". The work happens in ``build/mutation/``, on a copy of
what the tests need, never in the source tree; mutmut keeps its results there,
so a rerun tests only the functions that changed, plus every mutant not killed
before (new tests may kill it now). When the code or the tests changed, which
tests reach which function is found out again first (mutmut itself would only
look at new tests). Remove ``build/mutation`` for a run from scratch.

Printed: killed / survived / other counts, the score (killed / all mutants) and
the name of each mutant not killed (``mutmut show NAME`` in build/mutation/
shows its change).
"""

from __future__ import annotations

import argparse
import filecmp
import fnmatch
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What the tests import or read, copied into the work folder.
COPIED = ["lab_helpers", "tests", "tools", "lab_utils_multiclass_TF.py", "lab_utils_common.py"]
SKIPPED = {"__pycache__", ".ipynb_checkpoints", "e2e"}


def sync(source, target):
    """Make ``target`` a copy of ``source`` (a file or a folder); unchanged files are kept,
    with their times, so that mutmut re-mutates only the modules that changed."""
    if source.is_file():
        if not target.exists() or not filecmp.cmp(source, target, shallow=False):
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)  # a fresh time: newer than mutmut's copy
        return
    target.mkdir(parents=True, exist_ok=True)
    wanted = {p.name for p in source.iterdir() if p.name not in SKIPPED}
    for extra in (p for p in target.iterdir() if p.name not in wanted):
        shutil.rmtree(extra) if extra.is_dir() else extra.unlink()
    for name in sorted(wanted):
        sync(source / name, target / name)


def fingerprint(work):
    """A hash of every file copied into ``work`` (names and contents)."""
    digest = hashlib.sha256()
    for name in COPIED:
        root = work / name
        for path in sorted([root] if root.is_file() else root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(work).as_posix().encode() + b"\0")
                digest.update(path.read_bytes())
    return digest.hexdigest()


def forget_test_map_if_changed(work):
    """Drop mutmut's map of which tests reach which function if the copy changed since it
    was made: a test may now reach a function it did not (mutmut re-maps new tests only)."""
    stamp, now = work / "copied.sha256", fingerprint(work)
    if not stamp.exists() or stamp.read_text() != now:
        (work / "mutants" / "mutmut-stats.json").unlink(missing_ok=True)
    stamp.write_text(now)


def toml_value(value):
    """A TOML literal for the strings, numbers, booleans and lists mutmut's settings use."""
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return json.dumps(value)  # JSON strings, numbers and booleans are TOML too


def settings(only=None, tests=None):
    """``[tool.mutmut]`` of pyproject.toml, narrowed to the ``only`` modules and ``tests``."""
    config = dict(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["mutmut"])
    if only:
        config["only_mutate"] = list(only)
    if tests:
        config["pytest_add_cli_args_test_selection"] = list(tests)
    return config


def write_pyproject(work, config):
    """pyproject.toml for the work folder: the project's own, with ``config`` as its mutmut
    settings (mutmut reads them from the folder it runs in)."""
    text = (ROOT / "pyproject.toml").read_text()
    head, _, tail = text.partition("[tool.mutmut]")
    rest = tail.partition("\n[")  # the tables after mutmut's
    table = "".join(f"{key} = {toml_value(value)}\n" for key, value in config.items())
    new = f"{head}[tool.mutmut]\n{table}" + (f"\n[{rest[2]}" if rest[1] else "")
    target = work / "pyproject.toml"
    if not target.exists() or target.read_text() != new:
        target.write_text(new)


def results(work, config, patterns):
    """``{mutant name: status}`` from mutmut's records, for the mutants matching ``patterns``."""
    from mutmut.stats import status_by_exit_code

    found = {}
    for meta in sorted((work / "mutants").rglob("*.py.meta")):
        source = meta.relative_to(work / "mutants").as_posix().removesuffix(".meta")
        if not any(fnmatch.fnmatch(source, p) for p in config["only_mutate"]):
            continue  # a module left out of this run's scope
        for name, code in json.loads(meta.read_text())["exit_code_by_key"].items():
            if any(fnmatch.fnmatch(name, p) for p in patterns):
                found[name] = status_by_exit_code[code]
    return found


def forget_verdicts_not_killed(work):
    """Mark every mutant not killed as untested, so this run tries it again with the tests
    as they are now (mutmut itself keeps a verdict until the function changes)."""
    from mutmut.stats import status_by_exit_code

    for meta in (work / "mutants").rglob("*.py.meta"):
        data = json.loads(meta.read_text())
        codes = data["exit_code_by_key"]
        stale = [k for k, code in codes.items()
                 if code is not None and status_by_exit_code[code] != "killed"]
        if stale:
            codes.update(dict.fromkeys(stale))
            meta.write_text(json.dumps(data, indent=4))


def report(found):
    """The lines ``make mutation`` prints: counts, score, and the mutants not killed."""
    counts = Counter(found.values())
    total = len(found)
    killed, survived = counts.pop("killed", 0), counts.pop("survived", 0)
    other = sum(counts.values())
    detail = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
    score = 100 * killed / total if total else 0.0
    lines = [f"mutants: {total}: {killed} killed, {survived} survived, {other} other"
             + (f" ({detail})" if detail else ""),
             f"score: {score:.1f}% killed"]
    left = sorted(name for name, status in found.items() if status != "killed")
    if left:
        lines.append("not killed:")
        lines += [f"  {name}: {found[name]}" for name in left]
    return lines


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "mutation",
                        help="work folder (default: build/mutation)")
    parser.add_argument("--only", nargs="+", metavar="MODULE",
                        help="mutate only these modules (paths such as lab_helpers/trace.py)")
    parser.add_argument("--tests", nargs="+", metavar="TEST",
                        help="run only these tests (pytest node ids)")
    parser.add_argument("--mutants", nargs="+", metavar="PATTERN", default=["*"],
                        help="test and count only the mutants whose names match")
    parser.add_argument("--jobs", type=int, default=os.cpu_count(),
                        help="mutants tested at once")
    args = parser.parse_args(argv)

    work = args.work.resolve()
    config = settings(args.only, args.tests)
    for name in COPIED:
        sync(ROOT / name, work / name)
    write_pyproject(work, config)
    forget_test_map_if_changed(work)
    if (work / "mutants").exists():
        forget_verdicts_not_killed(work)
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="2", TF_ENABLE_ONEDNN_OPTS="0")
    names = [] if args.mutants == ["*"] else args.mutants
    command = [sys.executable, "-m", "mutmut", "run", "--max-children", str(args.jobs), *names]
    done = subprocess.run(command, cwd=work, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, check=False)
    log = work / "mutmut.log"
    log.write_text(done.stdout)
    if done.returncode != 0:
        print(done.stdout[-3000:], file=sys.stderr)
        print(f"mutmut failed (exit code {done.returncode}); its output: {log}", file=sys.stderr)
        return 1
    print("\n".join(report(results(work, config, args.mutants))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
