"""The daily window is UTC throughout: a day's digest ends at midnight UTC, whatever the zone."""

from __future__ import annotations

import datetime as dt

from brief.daily import run

EST = dt.timezone(dt.timedelta(hours=-5))


def test_a_past_day_ends_at_midnight_utc() -> None:
    now = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)
    window = run.window("2026-11-21", dt.timedelta(hours=24), now)
    assert window.end == dt.datetime(2026, 11, 22, tzinfo=dt.UTC)
    assert window.start == dt.datetime(2026, 11, 21, tzinfo=dt.UTC)


def test_today_is_todays_date_in_utc_not_in_the_local_zone() -> None:
    # 20:00 in New York on the 21st is already the 22nd in UTC: the 22nd's window ends now.
    now = dt.datetime(2026, 11, 21, 20, 0, tzinfo=EST)
    window = run.window("2026-11-22", dt.timedelta(hours=6), now)
    assert window.end == now
    assert window.holds("2026-11-22T00:30:00+00:00")
    assert not window.holds("2026-11-21T18:00:00+00:00")
