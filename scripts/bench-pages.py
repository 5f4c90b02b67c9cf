"""First painted frame and memory of page variants, in one Tauri app (run by `scripts/bench pages`).

The app is the bare one with POINT's five plugins, whose page is read at run time from the folder
in $BENCH_PAGE_DIR through a custom scheme: variants of POINT's page (its stylesheet, its fonts,
its screens) are compared with each other and with the bare app's page without a rebuild. Each
folder is launched once unmeasured, then ROUNDS times in alternating order; medians are printed.
Frames and memory are read as `scripts/bench-startup.py` reads them.

Figures only: nothing here asserts a time.
"""

import argparse
import importlib.util
import os
import statistics

from Xlib import display

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("bench_startup", os.path.join(HERE, "bench-startup.py"))
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--app", required=True, help="the page-bench app")
    parser.add_argument("--rounds", type=int, default=11)
    parser.add_argument("folders", nargs="+", help="a page each (index.html and what it loads)")
    args = parser.parse_args()
    screen = display.Display()
    # A static page settles with its first frame; one second is enough to tell.
    bench.SETTLE = 1.0
    results = {folder: [] for folder in args.folders}

    def launch(folder):
        os.environ["BENCH_PAGE_DIR"] = os.path.abspath(folder)
        return bench.launch(screen, args.app, "page bench")

    for folder in args.folders:
        launch(folder)  # unmeasured
    for round_number in range(args.rounds):
        shift = round_number % len(args.folders)
        for folder in args.folders[shift:] + args.folders[:shift]:
            results[folder].append(launch(folder))

    print(f"median of {args.rounds} launches each")
    print(f"{'page':32} {'first frame':>12} {'min':>7} {'max':>7} {'memory':>8} {'web':>7} {'web anon':>9}")
    for folder, runs in results.items():
        frames = [run["content"] for run in runs]
        mib = lambda key: statistics.median(run.get(key, 0) for run in runs) / 2**20
        print(f"{os.path.basename(os.path.normpath(folder)):32} {statistics.median(frames):9.1f} ms "
              f"{min(frames):7.1f} {max(frames):7.1f} {mib('rss'):4.0f} MiB {mib('web rss'):7.0f} {mib('web anon'):9.0f}")


main()
