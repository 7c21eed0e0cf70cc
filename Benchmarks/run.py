#!/usr/bin/env python3
"""followup's benchmark: `make bench` runs it after building release and the floor program.

For each vault size it runs the floor (Benchmarks/floor: read, cmark parse, walk, free; one
thread) and `followup generate` alternately, RUNS times each, and reports medians and followup's
peak resident memory. The sizes take turns too, a round of every size at a time: a machine whose
speed drifts over a minute (the floor's own 100,000/10,000 ratio moved from 8.8x to 13.1x when
each size ran in one block) then drifts under every size alike, and the scaling target, which
compares followup with itself at two sizes, measures followup rather than the drift. Then it times `followup check` on a 200-note vault (the pre-commit path).
Vaults are made by make-vault.py with a fixed seed, so every machine measures the same bytes.

It exits 1 when a target is missed:
  - 10,000 notes: followup's median wall time at most 1.0x the floor's;
  - scaling: 100,000 notes take at most 11x the time of 10,000;
  - memory: peak RSS at most 64 MB for 10,000 notes, 128 MB for 100,000;
  - latency: `followup check` on 200 notes at most 30 ms (median).
"""
import argparse
import os
import platform
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TODAY = "2026-11-21"


def vault(size):
    """The seeded vault of `size` notes, made once and reused."""
    folder = os.path.join(HERE, "vaults", str(size))
    stamp = os.path.join(folder, ".complete")
    if not os.path.exists(stamp):
        subprocess.run(["rm", "-rf", folder], check=True)
        subprocess.run([sys.executable, os.path.join(HERE, "make-vault.py"), folder, str(size)], check=True)
        open(stamp, "w").close()
    return folder


def notes_of(folder):
    paths = []
    for directory, _, files in os.walk(folder):
        paths += [os.path.join(directory, name) for name in files if name.endswith(".md") and name != "NEXT.md"]
    return sorted(paths)


def timed(command, stdin=None):
    """Wall seconds and peak RSS in MB of one run, which must succeed (exit 0 or 1). `stdin` is
    the path of a file to read from. Linux keeps a child's peak RSS across exec, so a child
    forked from this script starts at the script's own; the script keeps little in memory (the
    listings are in files) so that followup's peak is what is measured."""
    start = time.perf_counter()
    with open(stdin or os.devnull, "rb") as source:
        process = subprocess.Popen(command, stdin=source, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"bench: {' '.join(command)} exited {code}: {process.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000,100000")
    # Eleven, not the five the target asks for at least: this machine's cores are shared, a single
    # run can be 20% off, and a median of five still moved by a tenth between two benches.
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--followup", default=os.path.join(ROOT, ".build", "release", "followup"))
    parser.add_argument("--floor", default=os.path.join(HERE, "floor"))
    parser.add_argument("--list", nargs=2, metavar=("FOLDER", "FILE"),
                        help="write the notes of FOLDER to FILE, one a line, and print their MB")
    args = parser.parse_args()
    if args.list:
        files = notes_of(args.list[0])
        with open(args.list[1], "w") as out:
            out.write("\n".join(files) + "\n")
        print(sum(os.path.getsize(f) for f in files) / 1e6)
        return 0

    rows = {}
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}")
    print(f"{'notes':>8} {'MB':>7} {'floor s':>9} {'followup s':>11} {'ratio':>6} {'peak RSS MB':>12}")
    sizes = [int(s) for s in args.sizes.split(",")]
    runs = {}
    for size in sizes:
        folder = vault(size)
        listing = os.path.join(HERE, "vaults", f"{size}.list")
        # Listed by another process: this one stays small (see timed).
        megabytes = float(subprocess.run([sys.executable, __file__, "--list", folder, listing], check=True,
                                         capture_output=True, text=True).stdout)
        generate = [args.followup, "generate", "--today", TODAY, folder]
        timed(generate)  # writes NEXT.md once, so every measured run finds it as users do
        runs[size] = (listing, megabytes, generate, [], [], [])
    for _ in range(args.runs):
        for size in sizes:
            listing, _, generate, floor_times, followup_times, peaks = runs[size]
            floor_times.append(timed([args.floor], stdin=listing)[0])
            seconds, peak = timed(generate)
            followup_times.append(seconds)
            peaks.append(peak)
    for size in sizes:
        _, megabytes, _, floor_times, followup_times, peaks = runs[size]
        floor, followup = statistics.median(floor_times), statistics.median(followup_times)
        rows[size] = (floor, followup, max(peaks))
        print(f"{size:>8} {megabytes:>7.1f} {floor:>9.3f} {followup:>11.3f} {followup / floor:>6.2f} {max(peaks):>12.1f}",
              flush=True)

    small = vault(200)
    check = [args.followup, "check", "--today", TODAY, small]
    timed([args.followup, "generate", "--today", TODAY, small])
    latency = statistics.median(timed(check)[0] for _ in range(max(args.runs, 11)))
    print(f"check on 200 notes: {latency * 1000:.1f} ms (median of {max(args.runs, 11)})")

    if 10000 in rows and 100000 in rows:
        # The floor is linear by construction: its own ratio shows how much the machine's speed
        # drifted between the two sizes, which the scaling target (followup alone) cannot see.
        print(f"100,000 / 10,000 notes: followup {rows[100000][1] / rows[10000][1]:.1f}x, "
              f"floor {rows[100000][0] / rows[10000][0]:.1f}x")

    missed = []
    if 10000 in rows and rows[10000][1] > 1.0 * rows[10000][0]:
        missed.append(f"10,000 notes: {rows[10000][1] / rows[10000][0]:.2f}x the floor (target 1.0x)")
    if 10000 in rows and 100000 in rows and rows[100000][1] > 11 * rows[10000][1]:
        missed.append(f"scaling: 100,000 notes took {rows[100000][1] / rows[10000][1]:.1f}x 10,000 (target 11x)")
    for size, limit in [(10000, 64), (100000, 128)]:
        if size in rows and rows[size][2] > limit:
            missed.append(f"{size:,} notes: peak RSS {rows[size][2]:.0f} MB (target {limit} MB)")
    if latency > 0.030:
        missed.append(f"check on 200 notes: {latency * 1000:.0f} ms (target 30 ms)")
    for line in missed:
        print(f"MISSED: {line}")
    print("all targets met" if not missed else f"{len(missed)} target(s) missed")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
