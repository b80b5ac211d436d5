#!/usr/bin/env python3
"""Runs `newsgist bulk -` as a Spark RDD.pipe() stage over a JSONL corpus and
checks that every input id comes back exactly once, as a JSON record.

    python spark_pipe.py --newsgist PATH/TO/newsgist [--master local[2]]
                         [--partitions N] [--output DIR] CORPUS.jsonl

Every input line needs an id: newsgist numbers id-less records by their line
within the stream it is given, and a partition is a stream of its own.
Exit status 0 when every id came back once and every output line was JSON.
"""
import argparse
import json
import os
import shlex
import sys
import time
from operator import add


def key(value):
    """A hashable, type-exact form of a JSON id (1 and "1" differ)."""
    return json.dumps(value, sort_keys=True)


def input_key(line):
    try:
        record = json.loads(line)
    except ValueError:
        return None
    return key(record.get("id")) if isinstance(record, dict) and "id" in record else None


def parse_output(line):
    """(id key, "ok" | "error"), or (None, "not-json") for a line that is not a record."""
    try:
        record = json.loads(line)
    except ValueError:
        return (None, "not-json")
    if not isinstance(record, dict) or "id" not in record:
        return (None, "not-json")
    return (key(record["id"]), "error" if "error" in record else "ok")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", help="a JSONL file (one record with an id a line)")
    parser.add_argument("--newsgist", required=True, help="path to the newsgist binary")
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--bulk-args", default="--quotes 1 --threads 1",
                        help="extra arguments for `newsgist bulk`")
    parser.add_argument("--output", help="also save the records here (a Spark text folder)")
    args = parser.parse_args()

    from pyspark import SparkConf, SparkContext, StorageLevel

    binary = os.path.abspath(args.newsgist)
    command = [binary, "bulk", *shlex.split(args.bulk_args), "-"]
    conf = SparkConf().setMaster(args.master).setAppName("newsgist-pipe")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    started = time.time()
    try:
        lines = sc.textFile(os.path.abspath(args.corpus), args.partitions).filter(
            lambda l: l.strip())
        # checkCode=False: exit status 1 only means some documents became
        # error records, which are counted below.
        records = lines.pipe(" ".join(shlex.quote(c) for c in command), checkCode=False)
        # Kept, so that newsgist runs once a partition and taking a sample
        # later reads the kept records instead of cutting a pipe short.
        records.persist(StorageLevel.MEMORY_AND_DISK)
        if args.output:
            records.saveAsTextFile(args.output)
        parsed = records.map(parse_output)
        ins = lines.map(lambda l: (input_key(l), 1)).reduceByKey(add)
        outs = parsed.map(lambda r: (r[0], 1)).reduceByKey(add)
        wrong = ins.fullOuterJoin(outs).filter(lambda kv: kv[1][0] != kv[1][1]).take(20)
        kinds = dict(parsed.map(lambda r: (r[1], 1)).reduceByKey(add).collect())
        n_in = lines.count()
        partitions = lines.getNumPartitions()
        sample = (records.take(1) or [None])[0]
    finally:
        sc.stop()
    elapsed = time.time() - started
    print(f"master {args.master}, {partitions} partitions, stage: {' '.join(command[1:])}")
    print(f"input records: {n_in}")
    print(f"output records: {sum(kinds.values())} "
          f"(ok {kinds.get('ok', 0)}, error {kinds.get('error', 0)}, "
          f"not JSON {kinds.get('not-json', 0)})")
    print(f"wall time: {elapsed:.1f} s")
    if sample:
        print(f"first record: {sample[:200]}{'...' if len(sample) > 200 else ''}")
    missing_id = [w for w in wrong if w[0] is None]
    if wrong:
        for k, (n_in_k, n_out_k) in wrong:
            what = "records without an id / lines that are not records" if k is None else k
            print(f"MISMATCH {what}: in {n_in_k or 0}, out {n_out_k or 0}", file=sys.stderr)
        if missing_id:
            print("(give every input record an id: see the docstring)", file=sys.stderr)
        print("FAILED: ids did not come back exactly once", file=sys.stderr)
        sys.exit(1)
    print("OK: every input id came back exactly once")


if __name__ == "__main__":
    main()
