"""Live fan-out: how long one new deal takes to reach N SSE clients watching the deal list.

Usage: fanout.py BASE_URL CLIENTS SERVER_PID. Opens CLIENTS streams on /api/v1/events?topics=deals,
waits until each has its first bytes, posts one deal as the demo staff member (published at once),
and prints, on stdout, `clients= received= p50= p99= max= post= rss=`: times in milliseconds from
the post's response to each client's receipt (0 when the event arrived before the response), how
long the post itself took, and the server's resident memory (KiB) with every stream still open.
Progress goes to stderr.

The client is one epoll loop over raw sockets: asyncio costs tens of microseconds per socket
read, which over 10,000 clients would measure the client rather than the server.
"""
import json
import select
import socket
import sys
import threading
import time
import urllib.parse
import urllib.request


def main(base, clients, server_pid):
    url = urllib.parse.urlparse(base)
    request = (f"GET /api/v1/events?topics=deals HTTP/1.1\r\nHost: {url.hostname}\r\n"
               "Accept: text/event-stream\r\n\r\n").encode()
    poller = select.epoll()
    sockets = {}
    for _ in range(clients):
        connection = socket.create_connection((url.hostname, url.port))
        connection.sendall(request)
        connection.setblocking(False)
        sockets[connection.fileno()] = connection
        poller.register(connection.fileno(), select.EPOLLIN)
    # Wait until every stream has answered (its headers and first line).
    waiting = set(sockets)
    deadline = time.monotonic() + 120
    while waiting and time.monotonic() < deadline:
        for fd, _ in poller.poll(1):
            try:
                sockets[fd].recv(65536)
            except BlockingIOError:
                continue
            waiting.discard(fd)
    print(f"{clients - len(waiting)} streams open; posting a deal", file=sys.stderr, flush=True)

    timing = {}

    def post():
        def call(path, body, token=None):
            headers = {"Content-Type": "application/json"}
            if token:
                headers["Authorization"] = f"Bearer {token}"
            request = urllib.request.Request(base + path, json.dumps(body).encode(), headers)
            return json.load(urllib.request.urlopen(request, timeout=60))
        token = call("/api/v1/sessions", {"login": "equipe", "password": "demo-password-equipe"})["token"]
        timing["started"] = time.monotonic()
        call("/api/v1/deals", {"title": "Fan-out : un bon plan pour tous", "price": 1000, "merchant": "Bench"}, token)
        timing["answered"] = time.monotonic()

    poster = threading.Thread(target=post)
    poster.start()
    arrivals = []
    pending = set(sockets) - waiting
    tails = {}
    deadline = time.monotonic() + 60
    while pending and time.monotonic() < deadline:
        for fd, _ in poller.poll(0.5):
            if fd not in pending:
                continue
            try:
                chunk = sockets[fd].recv(65536)
            except BlockingIOError:
                continue
            now = time.monotonic()
            seen = tails.get(fd, b"") + chunk
            if b"deal.posted" in seen:
                arrivals.append(now)
                pending.discard(fd)
            else:
                tails[fd] = seen[-32:]
    poster.join()
    with open(f"/proc/{server_pid}/status") as status:
        rss = next(int(line.split()[1]) for line in status if line.startswith("VmRSS"))
    for connection in sockets.values():
        connection.close()
    answered = timing["answered"]
    times = sorted(max(0.0, arrival - answered) * 1000 for arrival in arrivals)

    def at(share):
        return times[min(len(times) - 1, int(share * len(times)))] if times else float("nan")

    print(f"clients={clients - len(waiting)} received={len(times)} p50={at(0.5):.1f} p99={at(0.99):.1f} "
          f"max={times[-1] if times else float('nan'):.1f} post={(answered - timing['started']) * 1000:.1f} rss={rss}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
