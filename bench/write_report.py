#!/usr/bin/python3
"""Writes docs/benchmarks.md from the results bench/run collected.

    write_report.py RESULTS_DIR --seconds N --command "bash bench/run"

RESULTS_DIR holds, from one run:
  NAME.load.json            jixiao-load's JSON report of a scenario or baseline
  NAME.stored.json          {"stored": N}: reports found in the store after a submit run
  redis.csv                 redis-benchmark --csv lines
  engine.benchmark.json     Google Benchmark's JSON
  engine.callgrind.txt      callgrind_annotate --inclusive=yes of the engine
bench/notes.md, the analysis kept with the code, is appended as it is.
Standard library only.
"""

import argparse
import csv
import datetime
import json
import os
import platform
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# The targets, checked against this run's figures.
GETSCORECARD_SHARE_OF_ECHO = 0.60
GETSCORECARD_P99_MS = 5.0
COMPARE_SPEEDUP = 20.0
SUBMIT_SQLITE_PER_S = 2000.0
SUBMIT_POSTGRES_PER_S = 1000.0
ENGINE_30_US = 5.0

SCENARIOS = [
    # (load report name, what it is, baseline name)
    ("getscorecard-cached", "GetScoreCard, cache warm", "echo"),
    ("ranking-cached", "Ranking: top 50 + one department ±5, cache warm", "echo"),
    ("compare-20-cached", "Compare, 20-department cohort, cache warm", "compare-20-cold"),
    ("compare-200-cached", "Compare, 200-department cohort, cache warm", "compare-200-cold"),
    ("scorereport-uncached", "ScoreReport, no cache (fetch from ingest + score)", "echo"),
    ("compare-20-cold", "Compare, 20-department cohort, cache cold", "echo"),
    ("compare-200-cold", "Compare, 200-department cohort, cache cold", "echo"),
    ("submit-sqlite", "SubmitReport, new reports, SQLite (group commit)", "echo"),
    ("submit-postgres", "SubmitReport, new reports, PostgreSQL (group commit)", "echo"),
]


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def loads(results):
    out = {}
    for name in os.listdir(results):
        if name.endswith(".load.json"):
            out[name[: -len(".load.json")]] = load_json(os.path.join(results, name))
    return out


def redis_rows(results):
    path = os.path.join(results, "redis.csv")
    rows = {}
    if not os.path.exists(path):
        return rows
    with open(path, encoding="utf-8") as f:
        for row in csv.reader(f):
            if not row or row[0] == "test":
                continue
            test = row[0].split(" ")[0].upper()
            rows[test] = {
                "rps": float(row[1]),
                "p50": float(row[4]) if len(row) > 4 else None,
                "p99": float(row[6]) if len(row) > 6 else None,
            }
    return rows


def engine_rows(results):
    data = load_json(os.path.join(results, "engine.benchmark.json"))
    rows = {}
    for b in data.get("benchmarks", []):
        if b.get("run_type", "iteration") != "iteration":
            continue
        unit = b.get("time_unit", "ns")
        scale = {"ns": 1e-3, "us": 1.0, "ms": 1e3, "s": 1e6}[unit]
        rows[b["name"]] = b["cpu_time"] * scale  # µs per iteration
    return rows, data.get("context", {})


def score_report_calls(results):
    """How many ScoreReport calls the raw callgrind file recorded."""
    path = os.path.join(results, "engine.callgrind")
    if not os.path.exists(path):
        return None
    ids = set()
    calls = 0
    pending = False
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            # Names are compressed: an id is named once, on whichever fn= or
            # cfn= line mentions it first; later lines give the id alone.
            if line.startswith("fn="):
                m = re.match(r"fn=\((\d+)\)(.*)", line.strip())
                if m and "scoring::ScoreReport(jixiao::v1::EvaluationReport" in m.group(2):
                    ids.add(m.group(1))
                pending = False
                continue
            if line.startswith("cfn="):
                m = re.match(r"cfn=\((\d+)\)(.*)", line.strip())
                if m and "scoring::ScoreReport(jixiao::v1::EvaluationReport" in m.group(2):
                    ids.add(m.group(1))
                pending = bool(m) and m.group(1) in ids
            elif line.startswith("calls=") and pending:
                calls += int(line.split("=")[1].split()[0])
                pending = False
            else:
                pending = False
    return calls or None


def callgrind_summary(results, limit=14):
    """Total instructions and the top inclusive functions (ours and the allocator)."""
    path = os.path.join(results, "engine.callgrind.txt")
    if not os.path.exists(path):
        return None, []
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    m = re.search(r"^\s*([\d,]+) \(100\.0%\)\s+PROGRAM TOTALS", text, re.M)
    total = int(m.group(1).replace(",", "")) if m else None
    top, seen = [], set()
    for line in text.splitlines():
        m = re.match(r"^\s*([\d,]+) \(\s*([\d.]+)%\)\s+(\S.*?):(.*?) \[", line)
        if not m:
            continue
        ir, share, _file, function = m.groups()
        function = function.replace("(anonymous namespace)", "{anon}")
        function = re.sub(r"\(.*", "", function).replace("[abi:cxx11]", "")
        ours = function.startswith("jixiao::") and "{anon}::Run" not in function \
            and "BM_" not in function
        allocator = function in ("malloc", "free", "operator new", "operator delete")
        if not (ours or allocator) or float(share) >= 99.99 or function in seen:
            continue
        seen.add(function)
        top.append((int(ir.replace(",", "")), float(share), function))
        if len(top) >= limit:
            break
    return total, top


def machine():
    info = {}
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    info["cpu"] = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    info["cores"] = os.cpu_count()
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("MemTotal"):
                    info["memory_gib"] = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    info["kernel"] = platform.release()
    try:
        info["os"] = dict(
            l.strip().split("=", 1) for l in open("/etc/os-release") if "=" in l
        ).get("PRETTY_NAME", "").strip('"')
    except OSError:
        info["os"] = ""
    versions = {}
    for package in ["libgrpc++-dev", "libprotobuf-dev", "redis-server", "postgresql", "libsqlite3-dev", "g++"]:
        try:
            versions[package] = subprocess.run(
                ["dpkg-query", "-W", "-f=${Version}", package],
                capture_output=True, text=True, check=False).stdout.strip()
        except OSError:
            pass
    info["versions"] = versions
    try:
        info["commit"] = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                                        text=True, check=False, cwd=HERE).stdout.strip()
    except OSError:
        info["commit"] = ""
    return info


def fmt_rate(x):
    if x is None:
        return "–"
    return f"{x:,.0f}" if x >= 100 else f"{x:,.1f}"


def fmt_ms(x):
    if x is None:
        return "–"
    if x >= 100:
        return f"{x:,.0f}"
    if x >= 10:
        return f"{x:.1f}"
    return f"{x:.2f}"


def ok_rate(report):
    return report.get("throughput_ok_per_s")


def latency(report, key):
    return report.get("latency_ms", {}).get(key)


def errors(report):
    return report.get("errors", 0)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("results")
    parser.add_argument("--seconds", type=float, default=8)
    parser.add_argument("--command", default="bash bench/run")
    args = parser.parse_args()

    runs = loads(args.results)
    redis = redis_rows(args.results)
    engine, engine_context = engine_rows(args.results)
    total_ir, profile = callgrind_summary(args.results)
    profiled_calls = score_report_calls(args.results)
    m = machine()
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")

    out = []
    w = out.append
    w("# Benchmarks\n")
    w(f"Written by `{args.command}` on {now}, at commit `{m.get('commit', '')}`. Every figure "
      "below comes from that one run; ratios compare figures taken in the same run, on the same "
      "machine. To reproduce: `bash bench/run` (it installs, builds, starts private Redis, "
      "PostgreSQL and services on loopback, and rewrites this file).\n")
    w("## Machine\n")
    w(f"- CPU: {m.get('cpu', '?')}, {m.get('cores')} cores; memory {m.get('memory_gib')} GiB")
    w(f"- OS: {m.get('os')}, kernel {m.get('kernel')}")
    w("- Packages: " + ", ".join(f"{k} {v}" for k, v in m.get("versions", {}).items() if v))
    w(f"- Every load run: closed loop (the stated calls in flight), {args.seconds:g} s measured "
      "after 1 s of warm-up, one client process (`jixiao-load`) on the same 2 cores as the "
      "servers it drives. Services run with their defaults, a log line per call included.\n")

    echo = runs.get("echo", {})
    echo_rate = ok_rate(echo)

    w("## Baselines\n")
    w("| Baseline | Throughput /s | p50 ms | p99 ms | Notes |")
    w("|---|---:|---:|---:|---|")
    w(f"| Echo service, jixiao server bootstrap (64 in flight) | {fmt_rate(echo_rate)} | "
      f"{fmt_ms(latency(echo, 'p50'))} | {fmt_ms(latency(echo, 'p99'))} | the RPC stack's limit here |")
    sized = runs.get("echo-card-sized")
    if sized:
        w(f"| Echo with a scorecard-sized payload each way (64 in flight) | {fmt_rate(ok_rate(sized))} | "
          f"{fmt_ms(latency(sized, 'p50'))} | {fmt_ms(latency(sized, 'p99'))} | what the bytes alone cost |")
    for test, label in [("GET", "Redis GET, value the size of a cached scorecard"),
                        ("ZREVRANGE", "Redis ZREVRANGE 0 49 WITHSCORES on a ranking"),
                        ("SET", "Redis SET, same value size")]:
        r = redis.get(test)
        if r:
            w(f"| {label} (redis-benchmark, 64 connections) | {fmt_rate(r['rps'])} | "
              f"{fmt_ms(r['p50'])} | {fmt_ms(r['p99'])} | one command per round trip |")
    for name, label in [("BM_ComputeScoresPreParsed/30", "Engine in-process, 30 indicators, the rules alone (figures, no text)"),
                        ("BM_ScoreReportPreParsed/30", "Engine in-process, 30 indicators, values parsed at ingest"),
                        ("BM_ScoreReport/30", "Engine in-process, 30 indicators, values parsed while scoring"),
                        ("BM_ScoreReportPreParsed/300", "Engine in-process, 300 indicators, parsed at ingest")]:
        if name in engine:
            us = engine[name]
            w(f"| {label} | {fmt_rate(1e6 / us)} | {us / 1000:.4f} | – | {us:.2f} µs per report, one core |")
    w("")

    w("## Scenarios\n")
    w("| Scenario | In flight | Calls OK | Errors | OK /s | p50 ms | p90 ms | p99 ms | p99.9 ms | Ratio to baseline |")
    w("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for name, label, baseline in SCENARIOS:
        r = runs.get(name)
        if r is None:
            w(f"| {label} | – | – | – | – | – | – | – | – | not run |")
            continue
        base = runs.get(baseline, {})
        ratio = "–"
        if baseline == "echo" and echo_rate:
            ratio = f"{ok_rate(r) / echo_rate:.1%} of echo throughput"
        elif base and latency(base, "p50") and latency(r, "p50"):
            ratio = (f"{latency(base, 'p50') / latency(r, 'p50'):,.0f}× faster than cold (p50); "
                     f"{ok_rate(r) / max(ok_rate(base), 1e-9):,.0f}× the throughput")
        w(f"| {label} | {r.get('concurrency', '–')} | {r.get('ok', 0):,} | {errors(r):,} | "
          f"{fmt_rate(ok_rate(r))} | {fmt_ms(latency(r, 'p50'))} | {fmt_ms(latency(r, 'p90'))} | "
          f"{fmt_ms(latency(r, 'p99'))} | {fmt_ms(latency(r, 'p999'))} | {ratio} |")
    w("")
    nonok = {n: r.get("status_counts", {}) for n, r in runs.items() if errors(r)}
    if nonok:
        w("Calls that did not return OK, by status: " + "; ".join(
            f"{n}: " + ", ".join(f"{c} {k}" for k, c in counts.items() if k != "OK")
            for n, counts in nonok.items()) + ".\n")

    w("### Every acknowledged report committed\n")
    for name, label in [("submit-sqlite", "SQLite"), ("submit-postgres", "PostgreSQL")]:
        r = runs.get(name)
        stored_path = os.path.join(args.results, f"{name}.stored.json")
        if r is None or not os.path.exists(stored_path):
            continue
        stored = load_json(stored_path)["stored"]
        acknowledged = r.get("ok", 0)
        sent = r.get("calls", 0) + r.get("warmup_calls", 0)
        verdict = "every acknowledged report is stored" if stored >= acknowledged else "MISSING REPORTS"
        w(f"- {label}: {sent:,} reports sent, {acknowledged:,} acknowledged, {stored:,} found in "
          f"the store after the run: {verdict}.")
    w("")

    w("## Targets\n")
    w("| Target | Measured | Met |")
    w("|---|---|---|")

    def row(target, measured, met):
        w(f"| {target} | {measured} | {'yes' if met else '**no**'} |")

    g = runs.get("getscorecard-cached")
    if g and echo_rate:
        share = ok_rate(g) / echo_rate
        row("cached GetScoreCard ≥ 60% of echo throughput", f"{share:.0%}", share >= GETSCORECARD_SHARE_OF_ECHO)
        row("cached GetScoreCard p99 < 5 ms at 64 in flight", f"{fmt_ms(latency(g, 'p99'))} ms",
            (latency(g, "p99") or 1e9) < GETSCORECARD_P99_MS)
    for size in ("20", "200"):
        warm, cold = runs.get(f"compare-{size}-cached"), runs.get(f"compare-{size}-cold")
        if warm and cold:
            speedup = latency(cold, "p50") / latency(warm, "p50")
            row(f"Compare ({size} departments) from cache ≥ 20× faster than cold (p50 latency)",
                f"{speedup:,.0f}×", speedup >= COMPARE_SPEEDUP)
    for name, label, target in [("submit-sqlite", "SQLite", SUBMIT_SQLITE_PER_S),
                                ("submit-postgres", "PostgreSQL", SUBMIT_POSTGRES_PER_S)]:
        r = runs.get(name)
        if r:
            row(f"durable SubmitReport ≥ {target:,.0f} reports/s on {label}",
                f"{fmt_rate(ok_rate(r))} /s", (ok_rate(r) or 0) >= target)
    if "BM_ScoreReportPreParsed/30" in engine:
        us = engine["BM_ScoreReportPreParsed/30"]
        row("engine scores a 30-indicator report in < 5 µs: the explained scorecard",
            f"{us:.2f} µs", us < ENGINE_30_US)
    if "BM_ComputeScoresPreParsed/30" in engine:
        us = engine["BM_ComputeScoresPreParsed/30"]
        row("engine scores a 30-indicator report in < 5 µs: the rules alone (figures, no text)",
            f"{us:.2f} µs", us < ENGINE_30_US)
    w("")

    w("## Engine profile (callgrind, this run)\n")
    if total_ir:
        w("Instructions counted by `valgrind --tool=callgrind` inside `ScoreReport` while "
          "scoring the 30-indicator report (values parsed at ingest), repeated by the "
          "benchmark. Instruction counts do not depend on the machine's load. Inclusive "
          "share of the total, our functions and the allocator.\n")
        if profiled_calls:
            w(f"{total_ir / profiled_calls:,.0f} instructions per report "
              f"({total_ir:,} over {profiled_calls:,} calls).\n")
        w("| Inclusive share | Function |")
        w("|---:|---|")
        for ir, share, function in profile:
            w(f"| {share:.1f}% | `{function}` |")
        w("")
    else:
        w("callgrind was not run.\n")

    for name in sorted(os.listdir(args.results)):
        if not name.endswith(".perf.txt"):
            continue
        scenario = name[: -len(".perf.txt")]
        with open(os.path.join(args.results, name), encoding="utf-8", errors="replace") as f:
            lines = [l.rstrip() for l in f if l.strip()][:25]
        if not lines:
            continue
        w(f"## Server profile during `{scenario}` (perf, this run)\n")
        w("`perf record -a -e cpu-clock` over the whole measured run, every process on the "
          "machine; entries above 1%:\n")
        w("```")
        w("\n".join(lines))
        w("```\n")

    notes = os.path.join(HERE, "notes.md")
    if os.path.exists(notes):
        with open(notes, encoding="utf-8") as f:
            w(f.read().rstrip() + "\n")
    sys.stdout.write("\n".join(out))


if __name__ == "__main__":
    main()
