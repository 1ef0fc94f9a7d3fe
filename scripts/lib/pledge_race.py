#!/usr/bin/env python3
"""Race members for a group buy's small cap, all at the same instant, and check the outcome.

Usage: pledge_race.py BASE PARTNER_TOKEN PRODUCT_ID MEMBER_TOKENS_FILE CAP

A partner opens a campaign on PRODUCT_ID with CAP units (one per member); every member in
MEMBER_TOKENS_FILE sends `PUT /api/v1/group-buys/{id}/pledge` at once (each thread waits on a
barrier). Prints `key=value` lines: the rate, p50 and p99 latency, how many pledges were accepted
and refused; exits 1 when the campaign ends anywhere but at min(CAP, members) units, when the
participants differ from the accepted pledges, or when a refusal is anything but 409 cap-reached.
"""
import datetime
import json
import sys
import threading
import time
import urllib.error
import urllib.request

base, partner, product, tokens_file, cap = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
tokens = open(tokens_file).read().split()


def call(method, path, token, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data, method=method, headers={
        "Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


deadline = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
status, campaign = call("POST", "/api/v1/group-buys", partner, {
    "productID": product, "title": "Course aux places", "description": "Bench",
    "tiers": [{"participants": 1, "unitPrice": 10000}, {"participants": 100, "unitPrice": 9000}],
    "minimumParticipants": 10, "cap": cap, "perMemberMaximum": 1, "deadline": deadline})
if status != 201:
    sys.exit(f"could not open the campaign: {status} {campaign}")
path = f"/api/v1/group-buys/{campaign['id']}/pledge"

barrier = threading.Barrier(len(tokens))
results = [None] * len(tokens)


def pledge(index):
    barrier.wait()
    started = time.monotonic()
    status, body = call("PUT", path, tokens[index], {"quantity": 1})
    results[index] = (status, body.get("type", ""), time.monotonic() - started)


threads = [threading.Thread(target=pledge, args=(i,)) for i in range(len(tokens))]
for thread in threads:
    thread.start()
started = time.monotonic()
for thread in threads:
    thread.join()
elapsed = time.monotonic() - started

accepted = sum(1 for status, _, _ in results if status == 200)
refusals = [(status, kind) for status, kind, _ in results if status != 200]
latencies = sorted(seconds for _, _, seconds in results)
status, after = call("GET", f"/api/v1/group-buys/{campaign['id']}", partner)
expected = min(cap, len(tokens))
print(f"members={len(tokens)} cap={cap} accepted={accepted} refused={len(refusals)} units={after['units']} "
      f"participants={after['participants']} seconds={elapsed:.3f} rate={len(tokens) / elapsed:.0f} "
      f"p50={latencies[len(latencies) // 2] * 1000:.1f} p99={latencies[int(len(latencies) * 0.99)] * 1000:.1f} "
      f"campaign={campaign['id']}")
problems = []
if after["units"] != expected or after["participants"] != expected or accepted != expected:
    problems.append(f"expected {expected} units, participants and accepted pledges")
odd = [r for r in refusals if r != (409, "urn:agora:problem:cap-reached")]
if odd:
    problems.append(f"unexpected refusals: {odd[:5]}")
if problems:
    sys.exit("pledge race: " + "; ".join(problems))
