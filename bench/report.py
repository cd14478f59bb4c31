#!/usr/bin/env python3
"""Turns the raw results of bench/run.sh (a directory) into a markdown report on stdout."""
import json
import os
import re
import statistics
import sys

R = sys.argv[1]


def path(name):
    return os.path.join(R, name)


def kv(name):
    out = {}
    if os.path.exists(path(name)):
        for line in open(path(name)):
            if "=" in line:
                k, v = line.rstrip("\n").split("=", 1)
                out[k] = v
    return out


def cols(name):
    """Rows of whitespace-separated numbers."""
    if not os.path.exists(path(name)):
        return []
    return [[float(x) for x in line.split()] for line in open(path(name)) if line.strip()]


def mib(b):
    return b / 1048576


def fmt(x, digits=2):
    if x is None:
        return "n/a"
    if abs(x) >= 100:
        return f"{x:.0f}"
    if abs(x) >= 10:
        return f"{x:.1f}"
    return f"{x:.{digits}f}"


def met(ok):
    return "yes" if ok else "**no**"


env = kv("env.txt")
rows = []  # (part, measure, log-service, baseline, ratio, goal, met)

print("## log-service benchmark results\n")
print(f"- date (UTC): {env.get('date')}; parts: {env.get('parts')}")
print(f"- machine: {env.get('nproc')} cores ({env.get('cpu')}), {env.get('mem_total')} RAM; "
      f"load average at start {env.get('load_start')}, at end {env.get('load_end')}")
loads = [f"{k[5:]} {v}" for k, v in env.items() if k.startswith("load_") and k not in ("load_start", "load_end")]
if loads:
    print(f"- load average when each part started: {'; '.join(loads)}")
print(f"- {env.get('java')}; JVM options: {env.get('java_opts')}; max heap {env.get('max_heap')}")
if "big_bytes" in env:
    print(f"- files: big {int(env['big_bytes'])} bytes ({mib(int(env['big_bytes'])):.0f} MiB), "
          f"small {int(env['small_bytes'])} bytes ({mib(int(env['small_bytes'])):.2f} MiB), in the page cache")
print()

# 1. last 1000 lines
times = {}  # command -> run times in s, pooled over the hyperfine rounds
for f in sorted(os.listdir(R)):
    if f.startswith("lastn-") and f[6:-5].isdigit() and f.endswith(".json"):
        for r in json.load(open(path(f)))["results"]:
            times.setdefault(r["command"], []).extend(r["times"])
if times:
    res = times

    def med(name):
        return statistics.median(times[name]) * 1000

    chk = kv("lastn-check.txt")
    floor = med("curl nginx tiny file")
    for size in ("big", "small"):
        s, t = med(f"log-service last 1000, {size}"), med(f"tail -n 1000, {size}")
        label = f"{mib(int(env[size + '_bytes'])):.0f} MiB"
        same = chk.get(f"same_{size}")
        rows.append(("last 1000 lines", f"{label} file, median ms of {len(times[f'tail -n 1000, {size}'])} "
                     f"(curl vs tail; bytes identical: {same})",
                     fmt(s), fmt(t) + " (tail)", f"{s / t:.2f}x", "<= 3x tail", met(s / t <= 3)))
        rows.append(("last 1000 lines", f"{label} file, minus curl's own cost (curl->nginx tiny file {fmt(floor)} ms)",
                     fmt(s - floor), fmt(t) + " (tail)", f"{(s - floor) / t:.2f}x", "info", ""))
    if os.path.exists(path("lastn-keepalive.json")):
        ka = json.load(open(path("lastn-keepalive.json")))
        ng = ka["nginx_last1000"]["median_ms"]
        for size in ("big", "small"):
            v = ka[f"svc_{size}"]["median_ms"]
            label = f"{mib(int(env[size + '_bytes'])):.0f} MiB"
            rows.append(("last 1000 lines", f"{label} file, one kept-alive connection (python http.client), median ms; "
                         f"nginx tiny file {fmt(ka['nginx_tiny']['median_ms'])} ms",
                         fmt(v), fmt(ng) + " (nginx, static file of the same 1000 lines)", f"{v / ng:.2f}x", "info", ""))
    if "curl nginx same 1000 lines" in res:
        v, ng = med("log-service last 1000, big"), med("curl nginx same 1000 lines")
        rows.append(("last 1000 lines", "big file via curl vs curl -> nginx static file of the same 1000 lines, median ms",
                     fmt(v), fmt(ng) + " (nginx)", f"{v / ng:.2f}x", "info", ""))
    b, s = med("log-service last 1000, big"), med("log-service last 1000, small")
    rows.append(("last 1000 lines", "big file vs small file, median ms", fmt(b), fmt(s) + " (small)",
                 f"{b / s:.2f}x", "<= 2x", met(b / s <= 2)))

# 1b. last 1000 lines under concurrent connections


def wrk(name):
    """Requests/s and latency percentiles (ms) from a wrk --latency report."""
    if not os.path.exists(path(name)):
        return None
    text = open(path(name)).read()
    out = {}
    m = re.search(r"Requests/sec:\s+([\d.]+)", text)
    out["rps"] = float(m.group(1)) if m else None
    for p in ("50", "99"):
        m = re.search(rf"^\s+{p}%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
        if m:
            v = float(m.group(1))
            out[p] = v / 1000 if m.group(2) == "us" else v * 1000 if m.group(2) == "s" else v
    m = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    out["errors"] = int(m.group(1)) if m else 0
    return out


cs, cn = wrk("conc-svc.txt"), wrk("conc-nginx.txt")
if cs and cn and cs.get("rps") and cn.get("rps"):
    conns = env.get("conc_connections", "64")
    rows.append(("last 1000 lines, concurrent", f"requests/s over {conns} kept-alive connections (wrk; non-2xx: "
                 f"{cs['errors']})", fmt(cs["rps"]), fmt(cn["rps"]) + " (nginx, same 1000 lines)",
                 f"{cs['rps'] / cn['rps']:.2f}x", ">= 0.33x nginx", met(cs["rps"] / cn["rps"] >= 1 / 3)))
    for p in ("50", "99"):
        if p in cs and p in cn:
            rows.append(("last 1000 lines, concurrent", f"p{p} latency ms", fmt(cs[p]), fmt(cn[p]) + " (nginx)",
                         f"{cs[p] / cn[p]:.2f}x", "info", ""))
    cg = wrk("conc-svc-growing.txt")
    appends = open(path("conc-appender.txt")).read().strip() if os.path.exists(path("conc-appender.txt")) else "?"
    if cg and cg.get("rps"):
        rows.append(("last 1000 lines, concurrent", f"requests/s, 1 MiB file appended to meanwhile ({appends}; "
                     f"an answer is remembered only until the next append; non-2xx: {cg['errors']})", fmt(cg["rps"]),
                     fmt(cn["rps"]) + " (nginx, static file)", f"{cg['rps'] / cn['rps']:.2f}x", "info", ""))

# 2. download
dl_svc, dl_ngx, dl_txt = cols("dl-svc.txt"), cols("dl-nginx.txt"), cols("dl-text.txt")
if dl_svc and dl_ngx:
    tck = float(kv("dl-env.txt").get("clk_tck", 100))
    s = statistics.median(mib(r[0]) for r in dl_svc)
    n = statistics.median(mib(r[0]) for r in dl_ngx)
    sizes_ok = all(r[1] == dl_ngx[0][1] for r in dl_svc + dl_ngx)
    cpu = statistics.median(r[2] / tck / mib(r[1]) * 1024 for r in dl_svc)
    rows.append(("download", f"whole big file `/download`, MiB/s, median of {len(dl_svc)} "
                 f"(all sizes equal: {sizes_ok}; service CPU {cpu:.2f} s/GiB)",
                 fmt(s), fmt(n) + " (nginx sendfile)", f"{s / n:.2f}x", ">= 0.5x nginx", met(s / n >= 0.5)))
    if dl_txt:
        t = statistics.median(mib(r[0]) for r in dl_txt)
        cpu_t = statistics.median(r[2] / tck / mib(r[1]) * 1024 for r in dl_txt)
        same = all(r[1] == dl_ngx[0][1] for r in dl_txt)
        rows.append(("download", f"whole big file as text `?cursor=BEG`, MiB/s, median of {len(dl_txt)} "
                     f"(size equals file: {same}; service CPU {cpu_t:.2f} s/GiB)",
                     fmt(t), fmt(n) + " (nginx sendfile)", f"{t / n:.2f}x", "info", ""))

# 3. follow latency
if os.path.exists(path("latency-sse.json")) and os.path.exists(path("latency-tail.json")):
    s = json.load(open(path("latency-sse.json")))
    t = json.load(open(path("latency-tail.json")))
    for key, goal, limit in (("p50_ms", "<= 5 ms", 5), ("p90_ms", "info", None),
                             ("p99_ms", "<= 50 ms", 50), ("max_ms", "info", None), ("mean_ms", "info", None)):
        sv, tv = s[key], t[key]
        rows.append(("follow latency", f"append -> received, {key[:-3]} ms (n={s['n']})",
                     fmt(sv), fmt(tv) + " (tail -F)", f"{sv / tv:.2f}x" if sv and tv else "n/a",
                     goal, met(sv is not None and sv <= limit) if limit else ""))
    rows.append(("follow latency", "lines not received", str(s["missing"]), f"{t['missing']} (tail -F)", "",
                 "0", met(s["missing"] == 0)))

# 4. idle followers
idle = kv("idle.txt")


def heap(name):
    """'used/committed MiB' of the Java heap from a jcmd GC.heap_info dump (G1 or serial)."""
    if not os.path.exists(path(name)):
        return "n/a"
    found = re.findall(r"(?:heap|generation)\s+total (\d+)K, used (\d+)K", open(path(name)).read())
    if not found:
        return "n/a"
    total = sum(int(t) for t, _ in found)
    used = sum(int(u) for _, u in found)
    return f"{used / 1024:.0f}/{total / 1024:.0f}"


def threads_of(name):
    return open(path(name)).read().strip() if os.path.exists(path(name)) else "n/a"


if idle:
    tck = float(idle["clk_tck"])
    win = float(idle["window_s"])
    n = idle["followers"]
    rss_zero = int(idle["rss_zero_kib"]) / 1024
    rss_conn = int(idle["rss_connected_kib"]) / 1024
    rss_first = int(idle["rss_first_kib"]) / 1024
    rss_second = int(idle.get("rss_second_kib", idle["rss_steady_kib"])) / 1024
    rss_steady = int(idle["rss_steady_kib"]) / 1024
    rss_max = max(rss_conn, rss_first, rss_second, rss_steady)
    rows.append(("idle followers", f"`logs_streams_open` with {n} followers on {idle['files']} files "
                 f"(end of windows: {idle['streams_end_of_window']}; 3 s after they left: "
                 f"{idle['streams_after_close']})",
                 idle["streams_connected"], f"{idle['streams_before']} (before)", "", n,
                 met(float(idle["streams_connected"]) == float(n))))
    rows.append(("idle followers", f"RSS MiB with {n} followers: just connected / end of 1st / 2nd / steady window "
                 f"(threads {idle['threads_before']} -> {idle['threads_connected']})",
                 f"{fmt(rss_conn)} / {fmt(rss_first)} / {fmt(rss_second)} / {fmt(rss_steady)}",
                 f"{fmt(rss_zero)} (0 followers)", f"+{fmt(rss_max - rss_zero)} MiB", "<= 512 MiB",
                 met(rss_max <= 512)))
    c0 = int(idle["cpu_ticks_zero"]) / tck * 1000
    windows = [("first", "1st window, right after connecting"), ("second", "2nd window"),
               ("steady", f"steady window, after {idle.get('settle_s', '0')} s more (the JIT has compiled the ping path)")]
    for key, label in [w for w in windows if f"cpu_ticks_{w[0]}" in idle]:
        c = int(idle[f"cpu_ticks_{key}"]) / tck * 1000
        steady = key == "steady"
        w_s = float(idle.get("steady_s", win)) if steady else win
        base = c0 * w_s / win  # the 0-follower baseline, scaled to this window's length
        rows.append(("idle followers", f"CPU ms over {w_s:.0f} s idle, {label} (utime+stime)",
                     f"{fmt(c)} ({c / w_s / 10:.2f}% of a core)",
                     f"{fmt(base)} ({c0 / win / 10:.2f}%) (0 followers)", f"+{fmt(c - base)} ms",
                     "<= 0.5% of a core" if steady else "info", met(c / w_s / 10 <= 0.5) if steady else ""))
        rows.append(("idle followers", f"where that CPU went, by thread group (/proc/PID/task), {label}",
                     threads_of(f"idle-threads-{key}.txt"), threads_of("idle-threads-zero.txt") + " (0 followers)",
                     "", "info", ""))
    rows.append(("idle followers", "Java heap used/committed MiB (jcmd GC.heap_info, after the windows)",
                 heap("idle-heap-followers.txt"), f"{heap('idle-heap-before.txt')} (0 followers)", "", "info", ""))
    rows.append(("idle followers", "live Java heap used/committed MiB after a full GC (jcmd GC.run)",
                 heap("idle-live-followers.txt"), f"{heap('idle-live-before.txt')} (0 followers)", "",
                 "info", ""))

# 5. footprint after the whole load in one process
fp = kv("footprint.txt")
if fp:
    started = int(fp["rss_started_kib"]) / 1024
    for key, label in (("rss_after_reads_kib", "after 1 GiB as text, 1 GiB as NDJSON (200k lines), 1 GiB download, "
                        "concurrent last-N"),
                       ("rss_followers_kib", f"with {fp.get('streams_connected')} followers connected, after all that"),
                       ("rss_end_kib", "3 s after the followers left")):
        v = int(fp[key]) / 1024
        rows.append(("footprint", f"RSS MiB {label} (JVM options: {env.get('java_opts')})", fmt(v),
                     f"{fmt(started)} (just started)", f"{v / started:.2f}x", "<= 256 MiB", met(v <= 256)))

print("| Part | Measure | log-service | Baseline (same run) | Ratio | Goal | Met |")
print("|---|---|---:|---:|---:|---|---|")
for r in rows:
    print("| " + " | ".join(r) + " |")
