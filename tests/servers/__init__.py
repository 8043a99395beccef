"""Servers on 127.0.0.1 shared by the tests: hostile HTTP and SMTP peers."""
