#!/usr/bin/env python3
"""Recount the ledger of an Agora SQLite database from its transfers alone, independently of the
Swift code, and check its invariants:

  * every account's four sums (posted and pending, debits and credits) equal those of its transfers;
  * in each currency the books balance: the posted balances add up to zero, and so do the pending;
  * no rewards wallet is below zero (posted credits less posted and pending debits);
  * every post or void resolves one pending transfer, and no pending transfer is resolved twice;
  * every paid order's gross moved from its customer to its partner, and every pledge of an open
    campaign is held for exactly its amount.

Usage: ledger_check.py DATABASE.sqlite   (exit 1 and the differences when something is off)
"""
import collections
import sqlite3
import sys

db = sqlite3.connect(sys.argv[1])
problems = []
accounts = {row[0]: row[1:] for row in db.execute(
    "SELECT id, kind, owner_id, currency, debits_posted, credits_posted, debits_pending, credits_pending "
    "FROM ledger_accounts")}
sums = collections.defaultdict(lambda: [0, 0, 0, 0])
pending = {}
resolutions = collections.Counter()
for transfer_id, kind, debit, credit, amount, pending_id, resolved in db.execute(
        "SELECT transfer_id, kind, debit_account_id, credit_account_id, amount, pending_id, resolved "
        "FROM ledger_transfers ORDER BY id"):
    if kind in ("posted", "post"):
        sums[debit][0] += amount
        sums[credit][1] += amount
    if kind == "pending":
        pending[transfer_id] = resolved
        if not resolved:
            sums[debit][2] += amount
            sums[credit][3] += amount
    if kind in ("post", "void"):
        resolutions[pending_id] += 1
for pending_id, count in resolutions.items():
    if count > 1:
        problems.append(f"pending {pending_id} resolved {count} times")
    if pending.get(pending_id) != 1:
        problems.append(f"{pending_id} resolved but not a resolved pending transfer")
for pending_id, resolved in pending.items():
    if resolved and resolutions[pending_id] != 1:
        problems.append(f"{pending_id} marked resolved without its resolution")

books = collections.defaultdict(lambda: [0, 0])
for account_id, (kind, owner, currency, dp, cp, dpend, cpend) in accounts.items():
    if [dp, cp, dpend, cpend] != sums[account_id]:
        problems.append(f"{kind}:{owner} {currency}: stored {[dp, cp, dpend, cpend]}, recounted {sums[account_id]}")
    books[currency][0] += cp - dp
    books[currency][1] += cpend - dpend
    if kind == "rewards" and cp - dp - dpend < 0:
        problems.append(f"rewards wallet of member {owner} below zero: {cp - dp - dpend}")
for currency, (posted, held) in books.items():
    if posted or held:
        problems.append(f"{currency}: the books are off by {posted} posted and {held} pending")

# Each paid order moved its gross from the customer to the partner (capture, and top-up if any).
for order_id, gross, moved in db.execute(
        "SELECT orders.id, orders.gross_minor, COALESCE(SUM(t.amount), 0) FROM orders "
        "LEFT JOIN ledger_transfers t ON t.order_id = orders.id AND t.code = 'sale' AND t.kind IN ('posted', 'post') "
        "WHERE orders.paid = 1 GROUP BY orders.id, orders.gross_minor"):
    if gross != moved:
        problems.append(f"order {order_id}: gross {gross}, moved {moved}")
# Each pledge of an open campaign is held for its amount, once.
for pledge_id, amount, held in db.execute(
        "SELECT pledges.id, pledges.hold_amount_minor, COALESCE(t.amount, -1) FROM pledges "
        "JOIN group_buys ON group_buys.id = pledges.group_buy_id AND group_buys.status = 'open' "
        "LEFT JOIN ledger_transfers t ON t.transfer_id = 'pledge:' || pledges.id || ':v' || pledges.hold_version "
        "AND t.kind = 'pending' AND t.resolved = 0"):
    if amount != held:
        problems.append(f"pledge {pledge_id}: {amount} pledged, {held} held")
# A campaign's counters equal its pledges.
for campaign, participants, units, counted, summed in db.execute(
        "SELECT g.id, g.participants, g.units, COUNT(p.id), COALESCE(SUM(p.quantity), 0) FROM group_buys g "
        "LEFT JOIN pledges p ON p.group_buy_id = g.id GROUP BY g.id, g.participants, g.units"):
    if (participants, units) != (counted, summed):
        problems.append(f"group buy {campaign}: {participants}/{units} counted, pledges say {counted}/{summed}")
    if units > db.execute("SELECT cap FROM group_buys WHERE id = ?", (campaign,)).fetchone()[0]:
        problems.append(f"group buy {campaign}: over its cap")

transfers = db.execute("SELECT COUNT(*) FROM ledger_transfers").fetchone()[0]
if problems:
    print(f"{len(problems)} problems in {transfers} transfers:")
    for problem in problems[:50]:
        print("  " + problem)
    sys.exit(1)
print(f"{len(accounts)} accounts, {transfers} transfers: balanced, recounted, no wallet below zero")
