"""Reading the value axis that the trace figure draws for its scores, for the tests."""


def value_reader(ax):
    """The value at a height of ``ax``, read off its drawn tick labels (a straight line
    through them); at least two must be shown."""
    ticks = [(t.get_position()[1], float(t.get_text().replace("\N{MINUS SIGN}", "-")))
             for t in ax.texts if t.get_visible() and t.get_position()[0] < 0 and t.get_text()]
    assert len(ticks) >= 2, "the value axis shows fewer than two ticks"
    (y0, v0), (y1, v1) = ticks[0], ticks[-1]
    return lambda h: v0 + (h - y0) * (v1 - v0) / (y1 - y0)
