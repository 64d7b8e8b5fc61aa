"""What a diagnosis of a training run must say, worked out here from the reference forward
pass and plain loops over the examples (not with lab_helpers), and a checker of the printed
sentences against it."""

import math
import re

from support import reference
from support.sentences import COLOUR_NAMES


def truth(X, y, W1, b1, W2, b2):
    """Every fact of a diagnosis, by loops over the reference forward pass: a dict."""
    y = [int(v) for v in y]
    e = reference.forward(X, W1, b1, W2, b2)
    Z1, A1, scores = e.z1.tolist(), e.a1.tolist(), e.scores.tolist()
    pred = [row.index(max(row)) for row in scores]
    wrong = {}
    for t, p in zip(y, pred, strict=True):
        if t != p:
            wrong[(t, p)] = wrong.get((t, p), 0) + 1
    units = range(len(b1))
    origin = {}
    for row, c in zip(A1, y, strict=True):
        if all(a == 0 for a in row):
            origin[c] = origin.get(c, 0) + 1
    return {
        "A1": A1, "scores": scores, "pred": pred, "wrong": wrong,
        "right": sum(t == p for t, p in zip(y, pred, strict=True)),
        "dead": [j for j in units if all(row[j] <= 0 for row in Z1)],
        "origin": origin, "overlaps": overlaps(A1, y), "units": len(b1),
    }


def overlaps(A1, y):
    """{(unit, a, b): (count a, count b, low, high)} for classes on one axis whose values
    along it share a stretch."""
    found = {}
    for j in range(len(A1[0])):
        on_axis = {}
        for row, c in zip(A1, y, strict=True):
            if row[j] > 0 and sum(1 for a in row if a > 0) == 1:
                on_axis.setdefault(c, []).append(row[j])
        for a in sorted(on_axis):
            for b in sorted(on_axis):
                va, vb = on_axis[a], on_axis[b]
                low, high = max(min(va), min(vb)), min(max(va), max(vb))
                if a < b and low <= high:
                    found[(j, a, b)] = (len(va), len(vb), low, high)
    return found


def cross_entropy(scores, y):
    """Mean softmax cross-entropy of the scores against the labels, by loops."""
    total = 0.0
    for row, c in zip(scores, y, strict=True):
        top = max(row)
        total += top + math.log(sum(math.exp(s - top) for s in row)) - row[int(c)]
    return total / len(y)


def named(c, n):
    return f"class {c} ({COLOUR_NAMES[c]}, {n} example{'s' if n != 1 else ''})"


def check_diagnosis(lines, facts, m, loss=None, min_fall=0.005):
    """Check the printed diagnosis ``lines`` against ``facts`` (from :func:`truth`)."""
    assert lines[0] == f"training accuracy: {facts['right'] / m:.1%}"
    check_confusions(lines[1], facts["wrong"], m)
    if not facts["wrong"]:
        assert len(lines) == 2, lines
        return
    rest = lines[2:]
    dead = [re.fullmatch(r"Layer-1 unit (\d+) outputs 0 for all (\d+) examples, so it gets no "
                         r"gradient and further epochs cannot revive it\.", line) for line in rest]
    assert [int(d.group(1)) for d in dead if d] == facts["dead"]
    assert all(int(d.group(2)) == m for d in dead if d)
    rest = [line for line, d in zip(rest, dead, strict=True) if not d]
    origin = facts["origin"]
    if len(origin) > 1:
        parts = [named(c, origin[c]) for c in sorted(origin)]
        listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
        assert rest.pop(0) == (listed[0].upper() + listed[1:] + (
            " both" if len(origin) == 2 else " all") + " land on layer 2's point (0, 0): every "
            "layer-1 unit outputs 0 for them, so they get the same four scores and layer 2 "
            "cannot tell them apart.")
    for (j, a, b), (na, nb, low, high) in sorted(facts["overlaps"].items()):
        assert rest.pop(0) == (
            f"On the axis where only layer-1 unit {j} is active, {named(a, na)} and "
            f"{named(b, nb)} overlap: both reach a{j} values from {low:.2f} to {high:.2f}. "
            "Along one axis each class wins on one stretch at most, so at least one of these "
            "examples is misclassified.")
    if len(origin) > 1 or facts["overlaps"]:
        assert rest.pop(0).startswith("Why layer 2 cannot separate examples that share a point")
    elif not facts["dead"]:
        assert rest.pop(0).startswith("No layer-1 unit is dead, no two classes meet")
    if loss is not None:
        check_loss_line(rest.pop(0), loss, min_fall, facts)
    assert rest == [], rest


def check_confusions(line, wrong, m):
    if not wrong:
        assert line == "Every example is classified correctly: the network separates the classes."
        return
    total = sum(wrong.values())
    assert line.startswith(f"Training FAILED to separate the classes: {total} of {m} examples "
                           f"{'is' if total == 1 else 'are'} misclassified: ")
    found = re.findall(r"class (\d) \((\w+)\) taken for class (\d) \((\w+)\) \((\d+) examples?\)",
                       line)
    assert {(int(t), int(p)): int(n) for t, _, p, _, n in found} == wrong
    assert all(a == COLOUR_NAMES[int(t)] and b == COLOUR_NAMES[int(p)]
               for t, a, p, b, _ in found)


def listing(numbers):
    """0, 1 and 2."""
    words = [str(j) for j in numbers]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def check_loss_line(line, loss, min_fall, facts):
    """The loss sentence: promises nothing of more epochs when a unit is dead or classes
    share layer 2's (0, 0), which the remaining epochs of training cannot undo."""
    window = max(1, len(loss) // 10)
    start, end = loss[-window - 1], loss[-1]
    fall = (start - end) / start
    epochs = f"{window} epoch{'s' if window > 1 else ''}"
    span = (f"over the last {epochs} (from {start:.4f} to {end:.4f}, {abs(fall):.2%} "
            f"{'lower' if fall >= 0 else 'higher'})")
    dead = facts["dead"]
    if start - end >= min_fall * start and dead:
        live = [j for j in range(facts["units"]) if j not in dead]
        one, alone = len(dead) == 1, len(live) == 1
        stay = (f"layer-1 unit{'' if one else 's'} {listing(dead)} stay{'s' if one else ''} "
                "at 0")
        rest = (f"{stay}, so layer 2 keeps seeing every example through "
                f"unit{'' if alone else 's'} {listing(live)} alone" if live
                else f"{stay}, so every example stays at layer 2's point (0, 0)")
        assert line == (f"The loss still fell {span}, but more epochs cannot separate what the "
                        f"dead unit{'' if one else 's'} merge{'s' if one else ''}: {rest}.")
        assert "may help" not in line
    elif start - end >= min_fall * start and len(facts["origin"]) > 1:
        assert line == (f"The loss still fell {span}, but the examples at layer 2's (0, 0) send "
                        "layer 1 no gradient: more epochs separate them only if training on the "
                        "other examples moves them off that point.")
    elif start - end >= min_fall * start:
        assert line == f"The loss was still falling {span}: more epochs may help."
    else:
        trend = "hardly fell" if fall >= 0 else "rose"
        assert line == f"The loss {trend} {span}: more epochs of the same training may not help."
