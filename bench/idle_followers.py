#!/usr/bin/env python3
"""Holds many idle SSE followers open against log-service (stdlib asyncio only).

    idle_followers.py --port P --paths-file F --n 1000 [--hold-max 300]

Opens N connections (round-robin over the URL paths in F, one per line), each a
`GET <path>?cursor=END` with `Accept: text/event-stream`, and waits for the response head and
the first `: ping` (log-service pings a stream at once when it has nothing to send). Then it
prints `READY <connected> <failed>` and holds the connections, reading whatever comes
(keep-alive pings), until SIGTERM/SIGINT, stdin EOF with --until-eof, or --hold-max seconds.
On the way out it prints one JSON summary line and closes every connection.
"""
import argparse
import asyncio
import json
import signal
import sys
import time


async def follow(host, port, path, ready: asyncio.Event, stop: asyncio.Event, stats, sem):
    async with sem:
        try:
            reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), 10)
            writer.write((f"GET {path}?cursor=END HTTP/1.1\r\nHost: {host}:{port}\r\n"
                          f"Accept: text/event-stream\r\n\r\n").encode())
            await writer.drain()
            data = b""
            while b": ping" not in data:
                chunk = await asyncio.wait_for(reader.read(4096), 15)
                if not chunk:
                    raise ConnectionError("closed before the first ping")
                data += chunk
            if not data.startswith(b"HTTP/1.1 200"):
                raise ConnectionError("bad response " + repr(data[:120]))
        except Exception as e:  # noqa: BLE001 - counted and reported
            stats["failed"] += 1
            stats.setdefault("errors", []).append(str(e)[:200])
            return
    stats["connected"] += 1
    ready.set()
    try:
        while not stop.is_set():
            read = asyncio.ensure_future(reader.read(4096))
            stopper = asyncio.ensure_future(stop.wait())
            done, _ = await asyncio.wait({read, stopper}, return_when=asyncio.FIRST_COMPLETED)
            if read in done:
                chunk = read.result()
                if not chunk:
                    stats["closed_by_server"] += 1
                    break
                stats["pings"] += chunk.count(b": ping")
                stats["bytes_during_hold"] += len(chunk)
            else:
                read.cancel()
    finally:
        writer.close()


async def main_async(a):
    paths = [p.strip() for p in open(a.paths_file) if p.strip()]
    stop = asyncio.Event()
    ready = asyncio.Event()
    loop = asyncio.get_running_loop()
    for s in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(s, stop.set)
    if a.until_eof:
        loop.add_reader(sys.stdin.fileno(), lambda: (sys.stdin.read(), stop.set()))
    stats = {"connected": 0, "failed": 0, "closed_by_server": 0, "pings": 0, "bytes_during_hold": 0}
    sem = asyncio.Semaphore(a.concurrency)
    t0 = time.monotonic()
    tasks = [asyncio.ensure_future(follow(a.host, a.port, paths[i % len(paths)], ready, stop, stats, sem))
             for i in range(a.n)]
    # wait until every connection is either live or failed
    while stats["connected"] + stats["failed"] < a.n and time.monotonic() - t0 < 60:
        await asyncio.sleep(0.05)
    stats["connect_seconds"] = round(time.monotonic() - t0, 3)
    print(f"READY {stats['connected']} {stats['failed']}", flush=True)
    stats["pings"] = 0
    stats["bytes_during_hold"] = 0
    try:
        await asyncio.wait_for(stop.wait(), a.hold_max)
    except asyncio.TimeoutError:
        stats["hold_max_reached"] = True
    stop.set()
    await asyncio.wait(tasks, timeout=10)
    if "errors" in stats:
        stats["errors"] = stats["errors"][:5]
    print(json.dumps(stats), flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--paths-file", required=True)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--concurrency", type=int, default=100)
    ap.add_argument("--hold-max", type=float, default=300)
    ap.add_argument("--until-eof", action="store_true")
    asyncio.run(main_async(ap.parse_args()))


if __name__ == "__main__":
    main()
