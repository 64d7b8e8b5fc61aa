"""The sentences of a :class:`~lab_helpers.diagnosis.TrainingDiagnosis`, one per fact."""

from __future__ import annotations

from .explain import confusion_sentence
from .style import CLASS_COLOR_NAMES

POINTER = ("Why layer 2 cannot separate examples that share a point, or that lie on one axis "
           "over the same stretch: see the bullets after the output-layer figure.")


def _class(c, count):
    return f"class {c} ({CLASS_COLOR_NAMES[c]}, {count} example{'s' if count != 1 else ''})"


def _join(parts):
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def dead_unit_sentence(unit, examples):
    return (f"Layer-1 unit {unit} outputs 0 for all {examples} examples, so it gets no gradient "
            "and further epochs cannot revive it.")


def origin_sentence(at_origin):
    both = "both" if len(at_origin) == 2 else "all"
    named = _join([_class(c, n) for c, n in at_origin.items()])
    return (f"{named[0].upper()}{named[1:]} {both} land on layer 2's point (0, 0): every "
            "layer-1 unit outputs 0 for them, so they get the same four scores and layer 2 "
            "cannot tell them apart.")


def axis_sentence(overlap):
    (a, b), (na, nb) = overlap.classes, overlap.counts
    return (f"On the axis where only layer-1 unit {overlap.unit} is active, {_class(a, na)} and "
            f"{_class(b, nb)} overlap: both reach a{overlap.unit} values from {overlap.low:.2f} "
            f"to {overlap.high:.2f}. Along one axis each class wins on one stretch at most, so "
            "at least one of these examples is misclassified.")


def _through_live_units(d):
    """What layer 2 is left with when layer-1 units are dead."""
    dead = [str(j) for j in d.dead_units]
    live = [str(j) for j in range(d.units) if j not in d.dead_units]
    stay = (f"layer-1 unit{'' if len(dead) == 1 else 's'} {_join(dead)} "
            f"stay{'s' if len(dead) == 1 else ''} at 0")
    if not live:
        return f"{stay}, so every example stays at layer 2's point (0, 0)"
    return (f"{stay}, so layer 2 keeps seeing every example through "
            f"unit{'' if len(live) == 1 else 's'} {_join(live)} alone")


def loss_sentence(d):
    span = (f"over the last {d.loss_window} epoch{'s' if d.loss_window != 1 else ''} "
            f"(from {d.loss_start:.4f} to {d.loss_end:.4f}, "
            f"{abs(d.loss_fall):.2%} {'lower' if d.loss_fall >= 0 else 'higher'})")
    if d.still_falling and d.dead_units:
        return (f"The loss still fell {span}, but more epochs cannot separate what the dead "
                f"unit{'' if len(d.dead_units) == 1 else 's'} "
                f"merge{'s' if len(d.dead_units) == 1 else ''}: {_through_live_units(d)}.")
    if d.still_falling and d.shared_origin:
        return (f"The loss still fell {span}, but the examples at layer 2's (0, 0) send layer 1 "
                "no gradient: more epochs separate them only if training on the other "
                "examples moves them off that point.")
    if d.still_falling:
        return f"The loss was still falling {span}: more epochs may help."
    trend = "hardly fell" if d.loss_fall >= 0 else "rose"
    return f"The loss {trend} {span}: more epochs of the same training may not help."


def _causes(d):
    lines = [dead_unit_sentence(j, d.examples) for j in d.dead_units]
    if d.shared_origin:
        lines.append(origin_sentence(d.at_origin))
    lines += [axis_sentence(o) for o in d.axis_overlaps]
    if not lines:
        return ["No layer-1 unit is dead, no two classes meet at layer 2's point (0, 0), and no "
                "two classes overlap on one axis."]
    return lines + [POINTER] if (d.shared_origin or d.axis_overlaps) else lines


def diagnosis_sentences(d):
    """The lines of ``d.summary``: the accuracy, the confusions, and on failure their causes
    and (with a loss history) whether the loss was still falling.

    Parameters
    ----------
    d : TrainingDiagnosis

    Returns
    -------
    list of str
    """
    lines = [f"training accuracy: {d.accuracy:.1%}",
             confusion_sentence(list(d.confusions), d.examples)]
    if not d.wrong:
        return lines
    lines += _causes(d)
    if d.loss_start is not None:
        lines.append(loss_sentence(d))
    return lines
