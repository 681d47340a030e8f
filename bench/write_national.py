#!/usr/bin/python3
"""Writes docs/national-benchmark.md from the results bench/national collected.

    write_national.py RESULTS_DIR --seconds N --command "bash bench/national"

RESULTS_DIR holds figures.json (numbers recorded along the run) and the
jixiao-load JSON reports NAME.load.json. Standard library only; the machine
description and the formatting are write_report.py's.
"""

import argparse
import datetime
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from write_report import errors, fmt_ms, fmt_rate, latency, load_json, loads, machine, ok_rate  # noqa: E402

# The targets for the national case, on this 2-core machine.
RANKING_P99_MS = 5.0
COMPARE_P99_MS = 20.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("results")
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--command", default="bash bench/national")
    args = parser.parse_args()

    f = load_json(os.path.join(args.results, "figures.json"))
    runs = loads(args.results)
    m = machine()
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    reports = f["reports"]

    out = []
    w = out.append
    w("# National-scale benchmark\n")
    w(f"Written by `{args.command}` on {now}, commit `{m.get('commit', '')}`: "
      f"{m.get('cpu', '?')}, {m.get('cores', '?')} cores, {m.get('memory_gib', '?')} GiB, "
      f"{m.get('os', '')}. Everything (Redis, PostgreSQL, the three services, the load "
      f"generator) shares these cores. Each load run lasts {args.seconds:g} s.\n")
    w(f"One year of {reports:,.0f} generated departments ({reports / 40:,.0f} divisions × 40), "
      "stored through the bulk `SubmitReports` stream, scored with `ScoreYear` into the cache "
      "and the rankings, then queried. Sizing from these figures: "
      "[scaling.md](scaling.md).\n")

    w("## Bulk path\n")
    w("| Step | Reports | Time s | Reports /s |")
    w("|---|---:|---:|---:|")
    ingest_s = f["ingest_ms"] / 1000
    score_s = f["score_year_ms"] / 1000
    w(f"| `jixiao ingest --bulk` (SubmitReports, SQLite, durable) | {reports:,.0f} | "
      f"{ingest_s:,.1f} | {reports / ingest_s:,.0f} |")
    w(f"| `jixiao score-year` (ScoreYear: fetch, score, cache, rank) | "
      f"{f.get('score_year_scored', 0):,.0f} | {score_s:,.1f} | "
      f"{f.get('score_year_scored', 0) / score_s:,.0f} |")
    w("")
    w(f"Scored: {f.get('score_year_complete', 0):,.0f} complete (ranked), "
      f"{f.get('score_year_incomplete', 0):,.0f} incomplete (listed apart), "
      f"{f.get('score_year_failed', 0):,.0f} failed. The cohort of every department ranks "
      f"{f.get('all_cohort_ranked', 0):,.0f}.\n")

    w("## Memory and storage per report\n")
    w("| What | Measured | Per report or entry |")
    w("|---|---:|---:|")
    w(f"| Redis catalog (latest versions, departments, cohort sets) | "
      f"{f['catalog_bytes'] / 2**20:,.1f} MiB | {f['catalog_bytes'] / reports:,.0f} B per report |")
    w(f"| Redis after ScoreYear (cards and rankings) | {f['scored_bytes'] / 2**20:,.1f} MiB | "
      f"{f['scored_bytes'] / reports:,.0f} B per report |")
    w(f"| of which one cached scorecard (MEMORY USAGE, mean of 500) | | "
      f"{f['card_key_bytes']:,.0f} B |")
    w(f"| of which the ranking sets: {f['ranked_entries']:,.0f} entries | "
      f"{f['rank_bytes'] / 2**20:,.1f} MiB | {f['rank_bytes'] / f['ranked_entries']:,.0f} B per "
      f"entry, {f['rank_bytes'] / reports:,.0f} B per ranked department |")
    w(f"| one comparison row (MEMORY USAGE, mean of 200) | | {f['row_key_bytes']:,.0f} B |")
    w(f"| SQLite store | {f['sqlite_bytes'] / 2**20:,.1f} MiB | "
      f"{f['sqlite_bytes'] / reports:,.0f} B per report |")
    w(f"| PostgreSQL store ({f['postgres_reports']:,.0f} reports) | "
      f"{f['postgres_bytes'] / 2**20:,.1f} MiB | "
      f"{f['postgres_bytes'] / f['postgres_reports']:,.0f} B per report |")
    w(f"| the generated dataset, JSON Lines | {f['dataset_bytes'] / 2**20:,.1f} MiB | "
      f"{f['dataset_bytes'] / reports:,.0f} B per report |")
    w("")
    w("A department sits in 3–5 ranking sets per scheme and year: the cohort of every "
      "department, its level's and one per sector tag.\n")

    w("## Queries with the whole year cached\n")
    w("Latency in milliseconds, as the client saw it; the baseline is an echo over the "
      "same RPC stack at the same concurrency.\n")
    w("| Scenario | In flight | Calls OK | Errors | OK /s | p50 ms | p99 ms | p99 − echo p99 ms |")
    w("|---|---:|---:|---:|---:|---:|---:|---:|")
    rows = [
        ("echo-c1", "echo (baseline)", 1, None),
        ("ranking-c1", f"Ranking: top 50 + me ±5 of {reports:,.0f}", 1, "echo-c1"),
        ("echo-c4", "echo (baseline)", 4, None),
        ("ranking-c4", f"Ranking: top 50 + me ±5 of {reports:,.0f}", 4, "echo-c4"),
        ("echo-c8", "echo (baseline)", 8, None),
        ("ranking-c8", f"Ranking: top 50 + me ±5 of {reports:,.0f}", 8, "echo-c8"),
        ("compare-200-c2", "Compare: named 200-department cohort", 2, None),
    ]
    for name, what, in_flight, base in rows:
        r = runs.get(name)
        if not r:
            continue
        extra = "–"
        if base and runs.get(base) and latency(r, "p99") is not None:
            extra = fmt_ms(latency(r, "p99") - latency(runs[base], "p99"))
        w(f"| {what} | {in_flight} | {r.get('ok', 0):,} | {errors(r):,} | {fmt_rate(ok_rate(r))} | "
          f"{fmt_ms(latency(r, 'p50'))} | {fmt_ms(latency(r, 'p99'))} | {extra} |")
    w("")

    w("## Targets\n")
    w("| Target | Measured | Met |")
    w("|---|---:|---|")
    for name, what, limit in [("ranking-c1", "Ranking p99 < 5 ms, 1 in flight", RANKING_P99_MS),
                              ("ranking-c4", "Ranking p99 < 5 ms, 4 in flight", RANKING_P99_MS),
                              ("ranking-c8", "Ranking p99 < 5 ms, 8 in flight", RANKING_P99_MS),
                              ("compare-200-c2", "Compare 200 p99 < 20 ms, 2 in flight",
                               COMPARE_P99_MS)]:
        r = runs.get(name)
        if r:
            p99 = latency(r, "p99")
            met = "yes" if p99 is not None and p99 < limit and errors(r) == 0 else "no"
            w(f"| {what} | {fmt_ms(p99)} ms | {met} |")
    w("")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
