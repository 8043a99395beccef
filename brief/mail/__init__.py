"""The mail edge: a brief as an email, delivered at most once.

message   the brief's Markdown -> one multipart/alternative message (text + HTML)
outbox    sending a brief's file; the outbox of undelivered messages; delivery records
smtp      one message handed to a server, with retries, never twice
"""
