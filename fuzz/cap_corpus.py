#!/usr/bin/env python3
"""Keeps a fuzz corpus small enough to commit: at most LIMIT files, chosen
greedily for the most code edges each adds (libFuzzer's own merge keeps every
file that adds a hit count, which is thousands).

    python3 fuzz/cap_corpus.py FUZZ_BINARY FROM_DIR TO_DIR [LIMIT]

Runs FUZZ_BINARY (a built cargo-fuzz target) in merge mode over FROM_DIR to
learn which edges each file reaches, then copies the chosen files into TO_DIR
(emptied first). Ties go to the smaller file.
"""
import os
import shutil
import subprocess
import sys
import tempfile


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    binary, src, dst = sys.argv[1:4]
    limit = int(sys.argv[4]) if len(sys.argv) == 5 else 200
    with tempfile.TemporaryDirectory() as tmp:
        control = os.path.join(tmp, "control")
        empty = os.path.join(tmp, "empty")
        os.mkdir(empty)
        subprocess.run(
            [binary, "-merge=1", "-use_counters=0", f"-merge_control_file={control}",
             "-timeout=30", "-rss_limit_mb=4096", empty, src],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with open(control) as f:
            lines = f.read().splitlines()
    count = int(lines[0])
    paths = lines[2:2 + count]
    edges = {}
    for line in lines[2 + count:]:
        parts = line.split()
        if parts and parts[0] == "COV":
            edges[int(parts[1])] = set(parts[2:])
    sizes = {i: os.path.getsize(paths[i]) for i in edges}
    chosen, covered = [], set()
    while len(chosen) < limit:
        best = max(edges, key=lambda i: (len(edges[i] - covered), -sizes[i]), default=None)
        if best is None or not edges[best] - covered:
            break
        chosen.append(best)
        covered |= edges.pop(best)
    if os.path.isdir(dst):
        shutil.rmtree(dst)
    os.makedirs(dst)
    for i in chosen:
        shutil.copy(paths[i], os.path.join(dst, os.path.basename(paths[i])))
    total = len(covered | set().union(*edges.values())) if edges else len(covered)
    print(f"{len(chosen)} files keep {len(covered)} of {total} edges")


if __name__ == "__main__":
    main()
