#!/usr/bin/env python3
"""Time the settlement of the large demo's 10,000-pledge group buy, after killing the server in the
middle of a first settlement.

Usage: settlement_bench.py AGORA_BINARY DATABASE.sqlite WORK_DIR

The campaign's deadline is moved into the past; a server starts, and as soon as its job logs
"settling group buy" it is killed with SIGKILL. The database must then show the campaign still
open, no order for it, and a ledger that ledger_check.py finds exact. A second server settles it:
the time comes from its log (`durationMs`), then every pledge must be an order and the ledger
exact again. Prints `key=value` lines; exits 1 when a check fails. Skips (exit 0) without the
large demo's campaign.
"""
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time

binary, database, work = sys.argv[1], sys.argv[2], sys.argv[3]
here = os.path.dirname(os.path.abspath(__file__))
db = sqlite3.connect(database, timeout=60)
row = db.execute("SELECT id FROM group_buys WHERE title LIKE 'Le très grand achat groupé%'").fetchone()
if not row:
    print("skipped=1")
    sys.exit(0)
campaign = row[0]
pledges = db.execute("SELECT COUNT(*) FROM pledges WHERE group_buy_id = ?", (campaign,)).fetchone()[0]
db.execute("UPDATE group_buys SET deadline = ? WHERE id = ?", (int(time.time() * 1000) - 1000, campaign))
db.commit()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(log_path):
    log = open(log_path, "w")
    return subprocess.Popen([binary, "serve", "--database", database, "--port", str(free_port()),
                             "--host", "127.0.0.1"], stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)


def wait_for(log_path, pattern, process, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = open(log_path).read()
        match = re.search(pattern, text)
        if match:
            return match
        if process.poll() is not None:
            sys.exit(f"the server stopped: {text[-2000:]}")
        time.sleep(0.02)
    sys.exit(f"timed out waiting for {pattern!r}")


def ledger_exact():
    check = subprocess.run([sys.executable, os.path.join(here, "ledger_check.py"), database], capture_output=True,
                           text=True)
    return check.returncode == 0, check.stdout.strip()


def state():
    db = sqlite3.connect(database, timeout=60)
    status = db.execute("SELECT status FROM group_buys WHERE id = ?", (campaign,)).fetchone()[0]
    orders = db.execute("SELECT COUNT(*) FROM orders WHERE group_buy_id = ?", (campaign,)).fetchone()[0]
    return status, orders


problems = []
first_log = os.path.join(work, "settle-killed.log")
server = start(first_log)
wait_for(first_log, rf"groupBuy={campaign}\b.*settling group buy|settling group buy.*groupBuy={campaign}\b", server, 120)
killed_at = time.monotonic()
time.sleep(0.5)
settled = rf"durationMs=(\d+) groupBuy={campaign}\b.*group buy settled|group buy settled.*groupBuy={campaign}\b.*durationMs=(\d+)"
finished_first = re.search(settled, open(first_log).read()) is not None
server.send_signal(signal.SIGKILL)
server.wait()
status, orders = state()
exact, summary = ledger_exact()
print(f"killed_after_ms={(time.monotonic() - killed_at) * 1000:.0f} status_after_kill={status} "
      f"orders_after_kill={orders} ledger_after_kill_exact={int(exact)}")
if finished_first:
    problems.append("the first settlement finished before the kill: nothing was interrupted")
elif status != "open" or orders != 0:
    problems.append(f"after the kill: status {status}, {orders} orders (expected open, 0)")
if not exact:
    problems.append(f"ledger after the kill: {summary}")

if finished_first:
    match = re.search(settled, open(first_log).read())
else:
    second_log = os.path.join(work, "settle.log")
    server = start(second_log)
    match = wait_for(second_log, settled, server, 900)
    server.send_signal(signal.SIGTERM)
    server.wait(timeout=60)
settle_ms = int(match.group(1) or match.group(2))
status, orders = state()
exact, summary = ledger_exact()
print(f"pledges={pledges} settle_ms={settle_ms} status={status} orders={orders} ledger_exact={int(exact)}")
if status != "succeeded" or orders != pledges:
    problems.append(f"after the settlement: status {status}, {orders} orders for {pledges} pledges")
if not exact:
    problems.append(f"ledger after the settlement: {summary}")
if problems:
    sys.exit("settlement bench: " + "; ".join(problems))
