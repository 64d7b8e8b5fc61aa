"""The benchmark's table, as `make bench` prints it, and its JSON file."""

import json

import atlas_bench
import numpy as np
from targets import RATIO_MAX, verdict


def format_table(result):
    m, nb, figs = result["machine"], result["notebook"], result["figures"]
    regions, memory = result["decision_regions"], result["memory"]
    met = {t["name"]: verdict(t["met"]) for t in result["targets"]}
    bd = nb["breakdown"]
    rows = [
        ("(a) floor: fresh kernel + import cell", f"{result['floor']['seconds']:.2f} s", ""),
        ("(b) whole notebook headless", f"{nb['seconds']:.2f} s", ""),
        ("    kernel start / imports / training",
         f"{bd['kernel_start']:.2f} / {bd['import_cell']:.2f} / {bd['training_cell']:.2f} s", ""),
        ("    other cells / kernel shutdown",
         f"{bd['other_cells']:.2f} / {bd['shutdown']:.2f} s", ""),
        ("(c) ratio (b)/(a)", f"{result['ratio']:.2f}x",
         f"<= {RATIO_MAX}x: {met['headless notebook / floor']}"),
        ("(d) training cell (in the kernel)", f"{result['training_cell']['seconds']:.2f} s", ""),
        ("(e) figure on Agg (empty layout, ratio)", "", ""),
    ]
    for name, fig in figs.items():
        rows.append((f"    {name}",
                     f"{fig['seconds']:.3f} s ({fig['empty_layout_seconds']:.3f} s, "
                     f"{fig['ratio_to_empty']:.1f}x)", met[name]))
    rows.append(("(f) decision regions, N points", "", ""))
    growth = [""] + [f", {g:.1f}x" for g in regions["growth"]]
    for n, seconds, g in zip(regions["sizes"], regions["seconds"], growth, strict=True):
        rows.append((f"    N = 10^{round(np.log10(n))}", f"{seconds:.3f} s{g}", ""))
    rows[-1] = (*rows[-1][:2], met["decision regions, 10^6 points"])
    explorer = result["explorer"]
    rows.append(("(g) explorer slider update",
                 explorer["status"] if explorer["seconds"] is None
                 else f"{explorer['seconds'] * 1000:.1f} ms", met["explorer slider update"]))
    redraw = explorer.get("redraw_seconds")
    rows.append(("    explorer full redraw (Agg)",
                 explorer["status"] if redraw is None else f"{redraw * 1000:.1f} ms",
                 met["explorer full redraw"]))
    rows.append(("(h) peak RSS: notebook kernel", f"{memory['kernel_peak_rss_mib']:.0f} MiB",
                 met["peak RSS"]))
    rows.append(("    peak RSS: this process", f"{memory['bench_peak_rss_mib']:.0f} MiB", ""))
    imported = result["import"]
    rows.append(("(i) import lab_utils_multiclass_TF",
                 f"{imported['seconds']:.3f} s ({imported['process_seconds']:.2f} s with "
                 "interpreter start)", met["import lab_utils_multiclass_TF"]))
    trace = result["trace"]
    rows.append(("(j) trace point update", trace["status"] if trace["seconds"] is None
                 else f"{trace['seconds'] * 1000:.1f} ms", met["trace point update"]))
    rows += atlas_bench.rows(result["atlas"], met)
    header = (f"machine: {m['cores']} cores, {m['platform']}, Python {m['python']}, "
              f"TensorFlow {m['tensorflow']}, Keras {m['keras']}, NumPy {m['numpy']}, "
              f"matplotlib {m['matplotlib']}")
    repeats = result["repeats"]
    lines = [header,
             f"mode: {result['mode']}; medians of {repeats['kernel_runs']} kernel runs, "
             f"{repeats['figure_repeats']} figure repeats, {repeats['size_repeats']} "
             "repeats per N", ""]
    width = max(len(r[0]) for r in rows)
    value_width = max(len(r[1]) for r in rows if r[2])
    lines += [f"{label:<{width}}  {value:<{value_width}}  {target}".rstrip()
              for label, value, target in rows]
    lines += ["", "targets:"]
    lines += [f"  {verdict(t['met']):<8} {t['name']}: {t['target']}" for t in result["targets"]]
    return "\n".join(lines)


def write_json(result, path):
    """The whole result as JSON at ``path`` (folders made as needed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
