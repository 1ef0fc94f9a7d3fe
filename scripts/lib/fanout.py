"""Live fan-out: how long one new deal takes to reach N SSE clients watching the deal list.

Usage: fanout.py BASE_URL CLIENTS SERVER_PID. Opens CLIENTS streams on /api/v1/events?topics=deals,
waits until each has its first bytes, posts one deal as the demo staff member (published at once),
and prints, on stdout, `clients= received= p50= p99= max= post=` with times in milliseconds from
the post's response to each client's receipt (0 when the event arrived before the response), and
how long the post itself took, and `rss=` (KiB), the server's resident memory with every stream
still open. Progress goes to stderr.
"""
import asyncio
import json
import sys
import time
import urllib.parse
import urllib.request


async def main(base, clients, server_pid):
    url = urllib.parse.urlparse(base)
    host, port = url.hostname, url.port
    ready = 0
    arrivals = []
    writers = []
    posted_at = None
    all_ready = asyncio.Event()

    async def client():
        nonlocal ready
        reader, writer = await asyncio.open_connection(host, port, limit=1 << 20)
        writers.append(writer)
        writer.write(
            f"GET /api/v1/events?topics=deals HTTP/1.1\r\nHost: {host}\r\nAccept: text/event-stream\r\n\r\n".encode())
        await writer.drain()
        seen = b""
        first = True
        while True:
            chunk = await reader.read(65536)
            if not chunk:
                return
            if first:
                first = False
                ready += 1
                if ready == clients:
                    all_ready.set()
            seen += chunk
            if b"deal.posted" in seen:
                arrivals.append(time.monotonic())
                return
            seen = seen[-64:]

    tasks = []
    for index in range(clients):
        tasks.append(asyncio.create_task(client()))
        if index % 500 == 499:
            await asyncio.sleep(0.05)  # let the server accept them in waves
    try:
        await asyncio.wait_for(all_ready.wait(), 120)
    except asyncio.TimeoutError:
        print(f"only {ready} of {clients} streams opened", file=sys.stderr)
    print(f"{ready} streams open; posting a deal", file=sys.stderr)

    def post():
        def call(path, body, token=None):
            headers = {"Content-Type": "application/json"}
            if token:
                headers["Authorization"] = f"Bearer {token}"
            request = urllib.request.Request(base + path, json.dumps(body).encode(), headers)
            return json.load(urllib.request.urlopen(request))
        token = call("/api/v1/sessions", {"login": "equipe", "password": "demo-password-equipe"})["token"]
        started = time.monotonic()
        call("/api/v1/deals", {"title": "Fan-out : un bon plan pour tous", "price": 1000, "merchant": "Bench"}, token)
        return started, time.monotonic()

    started, posted_at = await asyncio.get_running_loop().run_in_executor(None, post)
    done, pending = await asyncio.wait(tasks, timeout=60)
    with open(f"/proc/{server_pid}/status") as status:
        rss = next(int(line.split()[1]) for line in status if line.startswith("VmRSS"))
    for task in pending:
        task.cancel()
    for writer in writers:
        writer.close()
    times = sorted(max(0.0, arrival - posted_at) * 1000 for arrival in arrivals)

    def at(share):
        return times[min(len(times) - 1, int(share * len(times)))] if times else float("nan")

    print(f"clients={ready} received={len(times)} p50={at(0.5):.1f} p99={at(0.99):.1f} "
          f"max={times[-1] if times else float('nan'):.1f} post={(posted_at - started) * 1000:.1f} rss={rss}")


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))
