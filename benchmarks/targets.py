"""The benchmark's targets (issue 8, issue 14) and the verdict on each: met, not met, or
not judged in this run."""

import atlas_bench

RATIO_MAX = 1.5              # headless notebook / floor
FIGURE_BUDGET = 0.1          # seconds per figure ...
EMPTY_LAYOUT_FACTOR = 1.5    # ... or this close to matplotlib's own empty layout,
MOST_OF_BUDGET = 0.5         # where that layout alone takes most of the budget
LARGEST_N_BUDGET = 3.0       # seconds for the decision regions of 10^6 points
LINEAR_GROWTH_MAX = 12.0     # per 10x more points (10 is exactly linear)
EXPLORER_BUDGET = 0.05       # seconds per slider update
EXPLORER_REDRAW_BUDGET = 0.3  # seconds per full redraw of the explorer on Agg (issue 21)
TRACE_BUDGET = 0.05          # seconds per move of the traced point (issue 14)
IMPORT_BUDGET = 0.5          # seconds for importing the helpers in a fresh interpreter

def figure_target_met(fig):
    seconds, empty = fig["seconds"], fig["empty_layout_seconds"]
    return seconds <= FIGURE_BUDGET or (
        empty >= MOST_OF_BUDGET * FIGURE_BUDGET and seconds <= EMPTY_LAYOUT_FACTOR * empty)


def evaluate_targets(result):
    """Each target with ``met`` True, False, or None (cannot be judged in this run)."""
    targets = [{"name": "headless notebook / floor", "target": f"<= {RATIO_MAX}x",
                "met": result["ratio"] <= RATIO_MAX}]
    for name, fig in result["figures"].items():
        targets.append({"name": name, "met": figure_target_met(fig),
                        "target": f"<= {FIGURE_BUDGET} s, or <= {EMPTY_LAYOUT_FACTOR}x "
                                  "an empty layout that takes most of it"})
    regions = result["decision_regions"]
    largest = regions["sizes"][-1] >= 10**6
    targets.append({
        "name": "decision regions, 10^6 points",
        "target": f"<= {LARGEST_N_BUDGET} s, growth <= {LINEAR_GROWTH_MAX}x per 10x",
        "met": (regions["seconds"][-1] <= LARGEST_N_BUDGET
                and max(regions["growth"]) <= LINEAR_GROWTH_MAX) if largest else None,
    })
    explorer = result["explorer"]["seconds"]
    targets.append({"name": "explorer slider update", "target": f"<= {EXPLORER_BUDGET * 1000:g} ms",
                    "met": None if explorer is None else explorer <= EXPLORER_BUDGET})
    redraw = result["explorer"].get("redraw_seconds")
    targets.append({"name": "explorer full redraw",
                    "target": f"<= {EXPLORER_REDRAW_BUDGET * 1000:g} ms on Agg",
                    "met": None if redraw is None else redraw <= EXPLORER_REDRAW_BUDGET})
    trace = result["trace"]["seconds"]
    targets.append({"name": "trace point update", "target": f"<= {TRACE_BUDGET * 1000:g} ms",
                    "met": None if trace is None else trace <= TRACE_BUDGET})
    imported = result["import"]
    targets.append({"name": "import lab_utils_multiclass_TF",
                    "target": f"<= {IMPORT_BUDGET} s, without TensorFlow or Keras",
                    "met": imported["seconds"] <= IMPORT_BUDGET
                    and not imported["heavy_modules"]})
    memory = result["memory"]
    targets.append({"name": "peak RSS", "target": "reported",
                    "met": memory["kernel_peak_rss_mib"] > 0 and memory["bench_peak_rss_mib"] > 0})
    return targets + atlas_bench.targets(result["atlas"])


def verdict(met):
    return {True: "met", False: "NOT met", None: "n/a"}[met]
