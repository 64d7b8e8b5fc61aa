"""Check a printed sentence about a unit against the weights, word for word.

Written independently of lab_helpers.explain: the reference forward pass, plain loops
over the examples, and a parser of the sentence. A sentence passes when every class it
names, every count and every number it gives is what the weights say, and it names every
class it should.
"""

import re

from . import reference

COLOUR_NAMES = ["blue", "green", "orange", "purple", "red", "brown", "pink", "grey", "olive",
                "cyan"]
COUNTED = re.compile(r"class (\d+) \((\w+), (\d+) of (\d+)\)")
WON = re.compile(r"for (\d+) of (\d+) examples of class (\d+) \((\w+)\), by at least "
                 r"(\d+\.\d\d)")


def class_sizes(y):
    return {c: sum(1 for v in y if v == c) for c in sorted(set(int(v) for v in y))}


def unit_z(X, W, b, j):
    """The unit's pre-activation for each example, as a list."""
    return reference.dense(X, W, b)[:, j].tolist()


def counted_classes(text):
    """``{class: (colour, k, n)}`` of every "class c (colour, k of n)" in ``text``."""
    found = [(int(c), (name, int(k), int(n))) for c, name, k, n in COUNTED.findall(text)]
    assert len({c for c, _ in found}) == len(found), f"a class is named twice: {text}"
    return dict(found)


def check_relu_line(line, j, X, y, W1, b1):
    z = unit_z(X, W1, b1, j)
    sizes = class_sizes(y)
    zero = {c: sum(1 for i in range(len(y)) if y[i] == c and z[i] <= 0) for c in sizes}
    if all(v <= 0 for v in z):
        assert line == (f"Unit {j} outputs zero for every training example: a dead unit that "
                        "passes nothing on."), line
        return
    head = f"Unit {j} "
    assert line.startswith(head), line
    peak = re.search(r"\(largest output on a training example: (\d+\.\d\d)\)\.$", line)
    assert peak and peak.group(1) == f"{max(max(v, 0.0) for v in z):.2f}", line
    if "; it is active for " in line:
        zero_text, active_text = line.split("; it is active for ")
        assert zero_text.startswith(f"{head}outputs zero for "), line
    elif line.startswith(f"{head}is active for most examples of every class: "):
        zero_text, active_text = "", line
    else:
        assert line.startswith(f"{head}outputs zero for most examples of every class: "), line
        zero_text, active_text = line, ""
    silent, active = counted_classes(zero_text), counted_classes(active_text)
    assert set(silent) | set(active) == set(sizes) and not set(silent) & set(active), line
    for c, (name, k, n) in silent.items():
        assert (name, k, n) == (COLOUR_NAMES[c], zero[c], sizes[c]), (line, c)
        assert 2 * k > n, f"{line}: class {c} is not mostly silenced"
    for c, (name, k, n) in active.items():
        assert (name, k, n) == (COLOUR_NAMES[c], sizes[c] - zero[c], sizes[c]), (line, c)
        assert 2 * zero[c] <= n, f"{line}: class {c} is mostly silenced"


def check_output_line(line, k, A1, y, W2, b2):
    units = len(b2)
    scores = [unit_z(A1, W2, b2, u) for u in range(units)]
    sizes = class_sizes(y)
    won = {c: [] for c in sizes}
    for i in range(len(y)):
        row = [scores[u][i] for u in range(units)]
        best = max(row)
        if row.index(best) == k:  # the first of equal scores wins, as argmax
            runner_up = max(row[:k] + row[k + 1:]) if units > 1 else float("-inf")
            won[int(y[i])].append(best - runner_up)
    expected = [(c, won[c]) for c in sizes if won[c]]
    if not expected:
        assert line == f"Unit {k} never has the highest score on a training example.", line
        return
    assert line.startswith(f"Unit {k} has the highest score for "), line
    named = WON.findall(line)
    assert len(named) == len(expected), line
    for (count, total, c, name, lead), (c_expected, leads) in zip(named, expected, strict=True):
        assert int(c) == c_expected and name == COLOUR_NAMES[c_expected], line
        assert (int(count), int(total)) == (len(leads), sizes[c_expected]), line
        assert lead == f"{min(leads):.2f}", line
