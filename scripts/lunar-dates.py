#!/usr/bin/env python3
"""Regenerates data/cn-lunar-dates.csv: the dates of 除夕, 清明, 端午 and 中秋 per year.

The Chinese calendar is computed by the rules of GB/T 33661-2017 《农历的编算和颁行》:
Beijing time (UTC+8); a month begins on the day of the new moon (朔); the month holding the
winter solstice (冬至) is the 11th; in a year of 13 months between two winter solstices the
first month without a principal term (中气) is the leap month. 清明 is the day the apparent
solar longitude reaches 15°. Positions come from PyEphem (`pip install ephem`, MIT).

With `--check`, the result is compared with two independent implementations when they are
installed (`pip install lunar-python lunardate`); any difference is printed and the exit
status is 1. With `--margins`, the events closest to midnight are listed (the dates that a
small error in time could move).

Usage: python3 scripts/lunar-dates.py FIRST LAST [--check] [--margins] > data/cn-lunar-dates.csv
"""

import datetime as dt
import math
import sys

import ephem

BEIJING = 8 / 24.0


def beijing_day(d):
    """The Beijing civil date of an ephem.Date (UT)."""
    return ephem.Date(d + BEIJING).datetime().date()


def sun_longitude(d):
    """Apparent geocentric ecliptic longitude of the sun, degrees, equinox of date."""
    s = ephem.Sun()
    s.compute(d, epoch=d)
    ecl = ephem.Ecliptic(ephem.Equatorial(s.g_ra, s.g_dec, epoch=d), epoch=d)
    return math.degrees(ecl.lon) % 360


def term(longitude, near):
    """The moment the sun reaches `longitude` (degrees), starting from the date `near`."""
    d = ephem.Date(near)
    for _ in range(60):
        diff = (longitude - sun_longitude(d) + 540) % 360 - 180
        if abs(diff) < 1e-7:
            break
        d = ephem.Date(d + diff / 360 * 365.2422)
    return d


def winter_solstice(year):
    return term(270, ephem.Date(f"{year}/12/21"))


def months_of_sui(year):
    """[(first day, month number, leap?)] from the 11th month of `year - 1` to that of `year`."""
    ws0, ws1 = winter_solstice(year - 1), winter_solstice(year)
    starts = []
    d = ephem.Date(ws0 - 40)
    while d < ws1 + 40:
        m = ephem.next_new_moon(d)
        starts.append(beijing_day(m))
        d = ephem.Date(m + 1)
    s0, s1 = beijing_day(ws0), beijing_day(ws1)
    i0 = max(i for i, x in enumerate(starts) if x <= s0)
    i1 = max(i for i, x in enumerate(starts) if x <= s1)
    firsts = starts[i0 : i1 + 1]
    principal = [beijing_day(term((270 + 30 * k) % 360, ws0 + k * 30.44)) for k in range(13)]
    leap_done = len(firsts) - 1 != 13
    out = [(firsts[0], 11, False)]
    for j in range(1, len(firsts)):
        start = firsts[j]
        end = firsts[j + 1] if j + 1 < len(firsts) else None
        has_principal = any(start <= z and (end is None or z < end) for z in principal)
        prev = out[-1][1]
        if not leap_done and not has_principal:
            out.append((start, prev, True))
            leap_done = True
        else:
            out.append((start, prev % 12 + 1, False))
    if out[-1][1:] != (11, False):
        raise SystemExit(f"{year}: months do not close on the 11th: {out}")
    return out


def holidays(year):
    months = months_of_sui(year) + months_of_sui(year + 1)[1:]
    first = next(d for d, n, leap in months if n == 1 and not leap and d.year == year)
    fifth = next(d for d, n, leap in months if n == 5 and not leap and d > first)
    eighth = next(d for d, n, leap in months if n == 8 and not leap and d > first)
    qingming = beijing_day(term(15, ephem.Date(f"{year}/4/5")))
    return (
        first - dt.timedelta(days=1),
        qingming,
        fifth + dt.timedelta(days=4),
        eighth + dt.timedelta(days=14),
    )


def check(year, mine):
    """Differences from lunar-python and lunardate (those installed)."""
    found = []
    try:
        from lunar_python import Lunar

        def solar(y, m, d):
            s = Lunar.fromYmd(y, m, d).getSolar()
            return dt.date(s.getYear(), s.getMonth(), s.getDay())

        q = Lunar.fromYmd(year, 3, 1).getJieQiTable()["清明"]
        other = (
            solar(year, 1, 1) - dt.timedelta(days=1),
            dt.date(q.getYear(), q.getMonth(), q.getDay()),
            solar(year, 5, 5),
            solar(year, 8, 15),
        )
        if other != mine:
            found.append(("lunar-python", other))
    except ImportError:
        pass
    try:
        import lunardate

        def solar2(y, m, d):
            return lunardate.LunarDate(y, m, d).to_solar_date()

        other = (solar2(year, 1, 1) - dt.timedelta(days=1), mine[1], solar2(year, 5, 5), solar2(year, 8, 15))
        if other != mine:
            found.append(("lunardate", other))
    except ImportError:
        pass
    return found


def margins(year, mine):
    """Minutes from midnight (Beijing) of the new moons and the solar term the dates rest on."""
    firsts = [mine[0] + dt.timedelta(days=1), mine[2] - dt.timedelta(days=4), mine[3] - dt.timedelta(days=14)]
    out = []
    for f in firsts:
        m = ephem.next_new_moon(ephem.Date(f"{f.year}/{f.month}/{f.day}") - 1.5)
        out.append(ephem.Date(m + BEIJING).datetime())
    out.append(ephem.Date(term(15, ephem.Date(f"{year}/4/5")) + BEIJING).datetime())
    mins = [t.hour * 60 + t.minute + t.second / 60 for t in out]
    return min(min(m, 1440 - m) for m in mins)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    first, last = int(args[0]), int(args[1])
    bad = 0
    print("year,chuxi,qingming,duanwu,zhongqiu")
    for y in range(first, last + 1):
        mine = holidays(y)
        print(y, *mine, sep=",")
        if "--check" in sys.argv:
            for who, other in check(y, mine):
                bad += 1
                print(f"{y}: {who} gives {other}", file=sys.stderr)
        if "--margins" in sys.argv:
            print(f"{y}: closest event {margins(y, mine):.1f} minutes from midnight", file=sys.stderr)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
