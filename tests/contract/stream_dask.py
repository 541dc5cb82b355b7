#!/usr/bin/env python3
"""The scale-out contract on a real engine.

Dask's distributed scheduler (a local cluster of two worker processes)
runs `rolescan classify --stream` over partitions of 20,000 JSON Lines
records, and the partitions' output, merged in order, equals one run over
the whole stream byte for byte. The stream holds what a cluster meets:
records with and without ids, a blank line, a truncated line.

usage: stream_dask.py ROLESCAN SOURCE_DIR [RECORDS]
"""
import functools
import glob
import json
import os
import random
import subprocess
import sys

AS_OF = "2026-11"
PARTITION = 20000


def corpus(source, n):
    """n lines made from the sample postings, bodies shuffled."""
    random.seed(11)
    docs = []
    for path in sorted(glob.glob(os.path.join(source, "samples", "postings", "*"))):
        with open(path, encoding="utf-8") as f:
            docs.append(f.read().split("\n"))
    lines = []
    for i in range(n):
        if i % 9973 == 17:
            lines.append("")                                  # blank: an error record
            continue
        if i % 10007 == 5:
            lines.append('{"title": "Backend Developer", "text": "Ja')   # truncated
            continue
        d = list(docs[i % len(docs)])
        body = d[3:]
        random.shuffle(body)
        record = {"title": d[0], "text": "\n".join(d[1:3] + body)}
        if i % 3:                                             # a third without ids
            record = {"id": "p%06d" % i, **record}
        lines.append(json.dumps(record, ensure_ascii=False))
    return lines


def classify(cli, lines):
    """One --stream run over the lines: its output bytes."""
    data = ("\n".join(lines) + "\n").encode("utf-8")
    done = subprocess.run([cli, "classify", "--as-of", AS_OF, "--stream"], input=data,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    if done.returncode != 0:
        raise RuntimeError("classify --stream exited %d: %s"
                           % (done.returncode, done.stderr.decode(errors="replace")))
    return done.stdout


def run_partition(cli, part):
    return [classify(cli, list(part))]


def main():
    cli, source = os.path.abspath(sys.argv[1]), sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 3 * PARTITION
    lines = corpus(source, n)
    single = classify(cli, lines)

    import dask.bag as db
    from distributed import Client, LocalCluster
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        bag = db.from_sequence(lines, partition_size=PARTITION)
        parts = bag.map_partitions(functools.partial(run_partition, cli)).compute()
        workers = len(client.scheduler_info()["workers"])
    merged = b"".join(parts)
    rows = single.count(b"\n")
    if rows != n:
        print("one run gave %d rows for %d lines" % (rows, n), file=sys.stderr)
        return 1
    if merged != single:
        print("the %d partitions' output differs from one run" % len(parts), file=sys.stderr)
        return 1
    print("%d records in %d partitions on %d Dask workers: merged output equals one run "
          "(%d bytes)" % (n, len(parts), workers, len(single)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
