#!/usr/bin/env python3
"""Start-up of the explorer beside fzf's, side by side in one tmux window.

Both read the same text: the synthetic collection of the benchmarks (10k cases by
default, generated once under target/bench-data/). fzf gets it streamed,
`find DIR -name '*.yaml' | sort | xargs cat | fzf`; casebook opens the folder.
The window is split into two panes of the same size, fzf on the left, casebook on
the right; the two are started one after the other (never at once, so that neither
takes the other's cores), each run timed from the moment tmux is asked to start it,
with `capture-pane` polled every few milliseconds:

- fzf, first frame with the list: the first row of input on screen;
- fzf, all input read: its count of lines stops short of nothing (M = lines of text);
- casebook, first frame with the list: the first list row (the `▶` of the
  selection) on screen;
- casebook, loading done: the status bar no longer says "loading";
- casebook, whole collection searchable: `/` and `s` are typed as soon as the list
  is on screen, and the search title shows every item of the collection found
  (`s` is in every document), not marked partial.

`--baseline BIN` times another casebook binary (an older build) the same way, for
"today" beside the new one. Prints a table of medians (min–max) over `--runs` runs.

Installs fzf with apt-get when it is missing. Needs tmux and cargo.

Usage: scripts/compare_start.py [--cases 10000] [--runs 5] [--baseline BIN]
                                [--casebook BIN] [--folder DIR]
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOCKET = f"casebook-compare-{os.getpid()}"
POLL = 0.003
TIMEOUT = 120.0


def tmux(*args):
    return subprocess.run(
        ["tmux", "-u", "-L", SOCKET, *args],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def screen(pane):
    return tmux("capture-pane", "-p", "-t", pane)


def wait_for(pane, start, check, what):
    """Polls `pane` until `check(screen)` holds; the seconds since `start`."""
    while True:
        shown = screen(pane)
        now = time.monotonic()
        if check(shown):
            return now - start, shown
        if now - start > TIMEOUT:
            sys.exit(f"timed out waiting for {what}; the pane shows:\n{shown}")
        time.sleep(POLL)


def ensure_fzf():
    if shutil.which("fzf"):
        return
    print("fzf not found; installing it with apt-get", file=sys.stderr)
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    subprocess.run(sudo + ["apt-get", "install", "-y", "fzf"], check=True)


def build(binary):
    if binary:
        return binary
    subprocess.run(["cargo", "build", "--quiet", "--release"], cwd=ROOT, check=True)
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    return os.path.join(target, "release", "casebook")


def collection(cases):
    out = subprocess.run(
        ["cargo", "run", "--quiet", "--release", "--example", "bench_collection", "--", str(cases)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return out.stdout.strip()


def count_items(binary, folder):
    """Items in the collection, from `casebook check` ("... N items loaded ...")."""
    out = subprocess.run(
        [binary, "check", "--cases", folder], capture_output=True, text=True
    )
    match = re.search(r"(\d+) items loaded", out.stdout + out.stderr)
    if not match:
        sys.exit(f"casebook check said:\n{out.stdout}{out.stderr}")
    return int(match.group(1))


FZF_INFO = re.compile(r"^\s*(\d+)/(\d+)")


def fzf_info(shown):
    for line in shown.splitlines():
        match = FZF_INFO.match(line)
        if match:
            return int(match.group(1)), int(match.group(2))
    return None


def fzf_has_rows(shown):
    """A row of input above fzf's info line and prompt."""
    for line in shown.splitlines():
        text = line.strip()
        if not text or text.startswith(">") or FZF_INFO.match(line):
            continue
        return True
    return False


def time_fzf(pane, folder, lines):
    command = f"find '{folder}' -name '*.yaml' | sort | xargs cat | fzf"
    start = time.monotonic()
    tmux("respawn-pane", "-k", "-t", pane, command)
    first, _ = wait_for(pane, start, fzf_has_rows, "fzf's first row")
    whole, _ = wait_for(
        pane,
        start,
        lambda s: (fzf_info(s) or (0, 0))[1] >= lines,
        f"fzf to read {lines} lines",
    )
    tmux("respawn-pane", "-k", "-t", pane, "sleep 100000")
    return {"first": first, "whole": whole}


SEARCH_TITLE = re.compile(r"Search · (\d+) found")


def time_casebook(pane, binary, folder, items):
    # No settings and no remembered place: every run starts the same way.
    command = (
        f"CASEBOOK_CONFIG=/nonexistent/casebook.toml CASEBOOK_STATE=/nonexistent/state.json "
        f"'{binary}' --lang en --cases '{folder}'"
    )
    start = time.monotonic()
    tmux("respawn-pane", "-k", "-t", pane, command)
    first, shown = wait_for(pane, start, lambda s: "▶" in s, "casebook's first list row")
    tmux("send-keys", "-t", pane, "/")
    tmux("send-keys", "-t", pane, "-l", "s")

    def searchable(s):
        match = SEARCH_TITLE.search(s)
        return (
            match is not None
            and int(match.group(1)) >= items
            and "partial" not in s
        )

    loaded, _ = wait_for(
        pane, start, lambda s: "loading" not in s.splitlines()[-1], "loading to end"
    )
    whole, _ = wait_for(pane, start, searchable, f"{items} found over the whole collection")
    tmux("respawn-pane", "-k", "-t", pane, "sleep 100000")
    return {"first": first, "loaded": loaded, "whole": whole}


def summary(runs, key):
    values = sorted(r[key] * 1000 for r in runs)
    return f"{statistics.median(values):7.0f} ms ({values[0]:.0f}–{values[-1]:.0f})"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--casebook", help="casebook binary (default: build the release)")
    parser.add_argument("--baseline", help="an older casebook binary to time the same way")
    parser.add_argument(
        "--folder",
        help="a collection folder to read instead of the generated one (for a baseline "
        "that cannot read today's: generate it with the baseline's own generator)",
    )
    parser.add_argument("--width", type=int, default=120, help="width of each pane")
    parser.add_argument("--height", type=int, default=40)
    args = parser.parse_args()

    ensure_fzf()
    binary = build(args.casebook)
    folder = args.folder or collection(args.cases)
    items = count_items(binary, folder)
    text = subprocess.run(
        f"find '{folder}' -name '*.yaml' | sort | xargs cat | wc -lc",
        shell=True,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    lines, size = int(text[0]), int(text[1])
    fzf_version = subprocess.run(["fzf", "--version"], capture_output=True, text=True).stdout.strip()
    print(f"{args.cases} cases, {items} items, {lines} lines, {size} bytes of YAML in {folder}")
    print(f"fzf {fzf_version}; nproc {os.cpu_count()}; load average before: {open('/proc/loadavg').read().strip()}")

    # Two panes of the same size side by side (one column between them for the border).
    tmux(
        "-f", "/dev/null", "new-session", "-d", "-x", str(2 * args.width + 1),
        "-y", str(args.height), "sleep 100000",
    )
    try:
        tmux("split-window", "-h", "-t", "0", "sleep 100000")
        tmux("select-layout", "-t", "0", "even-horizontal")
        left, right = [p for p in tmux("list-panes", "-F", "#{pane_id}").split()]
        sizes = tmux("list-panes", "-F", "#{pane_width}x#{pane_height}").split()
        print(f"panes: fzf {sizes[0]}, casebook {sizes[1]}")
        results = {"fzf": [], "casebook": [], "baseline": []}
        for run in range(args.runs):
            results["fzf"].append(time_fzf(left, folder, lines))
            results["casebook"].append(time_casebook(right, binary, folder, items))
            if args.baseline:
                results["baseline"].append(time_casebook(right, args.baseline, folder, items))
            print(f"run {run + 1}/{args.runs} done", file=sys.stderr)
    finally:
        subprocess.run(["tmux", "-L", SOCKET, "kill-server"], capture_output=True)

    print(f"load average after: {open('/proc/loadavg').read().strip()}")
    print()
    print(f"median (min–max) of {args.runs} runs, from asking tmux to start the program")
    print()
    print("| program | first frame with the list | all input read / loading done | whole collection searchable |")
    print("|---|---|---|---|")
    f, c = results["fzf"], results["casebook"]
    print(f"| fzf (`find … \\| sort \\| xargs cat \\| fzf`) | {summary(f, 'first')} | {summary(f, 'whole')} | — |")
    print(f"| casebook | {summary(c, 'first')} | {summary(c, 'loaded')} | {summary(c, 'whole')} |")
    if args.baseline:
        b = results["baseline"]
        print(f"| casebook, baseline (`{os.path.basename(args.baseline)}`) | {summary(b, 'first')} | {summary(b, 'loaded')} | {summary(b, 'whole')} |")
    ratio = statistics.median(r["first"] for r in c) / statistics.median(r["first"] for r in f)
    print()
    print(f"casebook's first frame with the list / fzf's: {ratio:.2f}× (goal: at most 1.5×)")


if __name__ == "__main__":
    main()
