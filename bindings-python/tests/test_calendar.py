"""Working days and deadlines through the public API: the known periods of the Rust tests
(core/tests/calendar.rs, core/tests/deadline.rs), the year-boundary error, a newer schedule
loaded at run time, and the CLI's JSON for the same questions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import gongkai
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REPO, run_cli

D = dt.date

# The 2027 notice is not in the embedded table; a made-up schedule for it, in the same format.
NOTICE_2027 = "date,kind,name\n2027-01-01,off,元旦\n2027-02-06,work,春节\n2027-02-08,off,春节\n"


# --- The embedded schedule ---------------------------------------------------------------------


def test_spring_festival_2020_extended() -> None:
    # 2020-01-24..02-02 were all off, the block extended (by the State Council) through Sunday
    # 2 February; Saturday 1 February, first an adjusted working day, was off in the end.
    day = D(2020, 1, 24)
    while day <= D(2020, 2, 2):
        assert not gongkai.is_working_day(day), day
        day += dt.timedelta(days=1)
    assert gongkai.Calendar().day(D(2020, 2, 1)) == {
        "date": D(2020, 2, 1),
        "working": False,
        "kind": "off",
        "name": "春节",
        "provisional": False,
    }
    assert gongkai.is_working_day(D(2020, 1, 19))  # a Sunday worked (调休)
    assert gongkai.is_working_day(D(2020, 1, 23))
    assert gongkai.is_working_day(D(2020, 2, 3))
    # One working day after Thursday 23 January jumps the whole block.
    assert gongkai.add_working_days(D(2020, 1, 23), 1) == D(2020, 2, 3)
    assert gongkai.working_days_between(D(2020, 1, 23), D(2020, 2, 3)) == 1
    assert gongkai.deadline(D(2020, 1, 23), working_days=1).date == D(2020, 2, 3)


def test_adjusted_sundays_2024_and_national_day() -> None:
    assert gongkai.is_working_day(D(2024, 2, 4))  # Sunday, 春节调休
    assert not gongkai.is_working_day(D(2024, 2, 12))  # Monday, 春节
    assert not gongkai.is_working_day(D(2024, 2, 3))  # an ordinary Saturday
    # 20 working days from Wednesday 2024-09-25, across National Day, end on 2024-10-28.
    assert gongkai.add_working_days(D(2024, 9, 25), 20) == D(2024, 10, 28)
    assert gongkai.working_days_between(D(2024, 9, 25), D(2024, 10, 28)) == 20
    assert gongkai.working_days_between(D(2024, 10, 28), D(2024, 9, 25)) == -20
    assert gongkai.add_working_days(D(2024, 9, 25), 0) == D(2024, 9, 25)


def test_dates_in_and_out() -> None:
    out = gongkai.add_working_days("2024-09-25", 20)
    assert type(out) is dt.date and out == D(2024, 10, 28)
    # A datetime counts as its day.
    assert gongkai.add_working_days(dt.datetime(2024, 9, 25, 17, 30), 20) == D(2024, 10, 28)
    assert gongkai.working_days_between("2024-09-25", D(2024, 10, 28)) == 20
    for bad in ["2024-02-30", "25.9.2024", 20240925, None]:
        with pytest.raises(gongkai.Error) as e:
            gongkai.is_working_day(bad)  # type: ignore[arg-type]
        assert e.value.code == "invalid_argument"
        assert "YYYY-MM-DD" in str(e.value)
    class Index:
        def __index__(self) -> int:
            return 20

    assert gongkai.add_working_days(D(2024, 9, 25), Index()) == D(2024, 10, 28)  # type: ignore[arg-type]
    for n in [-1, 1.5, True, "3", 2**40]:
        with pytest.raises(gongkai.Error, match="非负整数") as e:
            gongkai.add_working_days(D(2024, 9, 25), n)  # type: ignore[arg-type]
        assert e.value.code == "invalid_argument"


def test_a_year_the_schedule_does_not_cover_is_an_error_naming_it() -> None:
    # Strict mode: a year without a notice is refused, as every year before the table is.
    assert gongkai.Calendar().years == list(range(2007, 2027))
    strict = gongkai.Calendar(strict=True)
    assert strict.strict and not gongkai.Calendar().strict
    for call in [
        lambda: strict.is_working_day(D(2027, 3, 1)),
        lambda: gongkai.is_working_day(D(2006, 6, 1)),
        lambda: strict.add_working_days(D(2026, 12, 1), 40),
        lambda: strict.working_days_between(D(2026, 6, 1), D(2027, 1, 10)),
        lambda: gongkai.deadline(D(2027, 1, 4), working_days=5, strict_calendar=True),
    ]:
        with pytest.raises(gongkai.Error) as e:
            call()
        assert e.value.code == "calendar"
        assert isinstance(e.value, ValueError)
        year = "2006" if "2006" in str(e.value) else "2027"
        assert f"{year} 年不在节假日安排表内" in str(e.value)
        assert "--calendar" in e.value.message and "calendar 参数" in e.value.message
        assert "year" not in e.value.message  # no English tail
    # 29–31 December may still be moved by the next year's New Year notice: an error too.
    with pytest.raises(gongkai.Error, match="2027") as e:
        strict.is_working_day(D(2026, 12, 30))
    assert e.value.code == "calendar"
    assert strict.is_working_day(D(2026, 12, 28))
    # In English when asked, and in English only.
    with pytest.raises(gongkai.Error) as e:
        gongkai.deadline(D(2026, 12, 7), working_days=20, strict_calendar=True, lang="en")
    msg = e.value.message
    assert "2027, which is not in the holiday table (it has 2007–2026)" in msg and "--calendar" in msg
    assert not any("\u4e00" <= c <= "\u9fff" for c in msg), msg


# --- A newer schedule --------------------------------------------------------------------------


def test_a_newer_notice_is_loaded_on_top_of_the_embedded_schedule(tmp_path: Path) -> None:
    cal = gongkai.Calendar().with_csv(NOTICE_2027)
    assert cal.years == list(range(2007, 2028))
    assert cal.covers(2027) and not gongkai.Calendar().covers(2027)
    assert not cal.is_working_day(D(2027, 2, 8))  # a Monday off in the file
    assert cal.is_working_day(D(2027, 2, 6))  # a Saturday worked in the file
    assert cal.is_working_day(D(2027, 3, 1))
    # The embedded years are kept, and the answers agree with the module functions.
    assert cal.add_working_days(D(2024, 9, 25), 20) == gongkai.add_working_days(D(2024, 9, 25), 20)
    # The December spill of 2026 is now determined too.
    assert cal.is_working_day(D(2026, 12, 30))
    assert cal.add_working_days(D(2026, 12, 1), 40) == D(2027, 1, 27)
    # The same from a file (a path), and from bytes.
    path = tmp_path / "2027.csv"
    path.write_text(NOTICE_2027, encoding="utf-8")
    assert gongkai.Calendar().with_csv(path) == cal
    assert gongkai.Calendar().with_csv(NOTICE_2027.encode()) == cal
    assert gongkai.Calendar() == gongkai.Calendar()
    assert cal != gongkai.Calendar()
    assert repr(cal) == "<gongkai.Calendar 2007–2027, 21 years>"
    assert repr(gongkai.Calendar()) == "<gongkai.Calendar embedded 2007–2026, 20 years>"
    assert repr(gongkai.Calendar(strict=True)) == "<gongkai.Calendar embedded 2007–2026, 20 years strict>"
    # deadline and audit take it as calendar=.
    with pytest.raises(gongkai.Error, match="2027"):
        gongkai.deadline(D(2027, 2, 5), working_days=1, strict_calendar=True)
    assert gongkai.deadline(D(2027, 2, 5), working_days=1, calendar=cal).date == D(2027, 2, 6)
    # ... or a file, on top of the default calendar.
    assert gongkai.deadline(D(2027, 2, 5), working_days=1, calendar=path).date == D(2027, 2, 6)


def test_from_csv_is_exactly_the_schedule_given() -> None:
    embedded = (REPO / "data" / "cn-holidays.csv").read_text(encoding="utf-8")
    assert gongkai.Calendar.from_csv(embedded) == gongkai.Calendar()
    only = gongkai.Calendar.from_csv(NOTICE_2027)
    assert only.years == [2027]
    with pytest.raises(gongkai.Error, match="2024") as e:
        only.is_working_day(D(2024, 2, 4))
    assert e.value.code == "calendar"


def test_a_bad_schedule_says_which_line(tmp_path: Path) -> None:
    with pytest.raises(gongkai.Error, match="第 3 行") as e:
        gongkai.Calendar.from_csv("date,kind,name\n2027-01-01,off,元旦\n2027-13-01,off,x\n")
    assert e.value.code == "calendar"
    with pytest.raises(gongkai.Error, match="kind"):
        gongkai.Calendar().with_csv("date,kind\n2027-01-01,holiday\n")
    with pytest.raises(gongkai.Error, match="UTF-8"):
        gongkai.Calendar.from_csv("date,kind\n2027-01-01,off,元旦\n".encode("gbk"))
    with pytest.raises(gongkai.Error) as e:
        gongkai.Calendar.from_csv(tmp_path / "missing.csv")
    assert e.value.code == "io" and e.value.path == str(tmp_path / "missing.csv")
    # A str is CSV text; a str naming an existing file says to pass a Path.
    path = tmp_path / "2027.csv"
    path.write_text(NOTICE_2027, encoding="utf-8")
    with pytest.raises(gongkai.Error, match="pathlib.Path") as e:
        gongkai.Calendar.from_csv(str(path))
    assert e.value.code == "invalid_argument"
    with pytest.raises(TypeError):
        gongkai.Calendar.from_csv(2027)  # type: ignore[arg-type]


# --- Properties --------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None, database=None)
@given(st.dates(min_value=D(2007, 1, 1), max_value=D(2026, 12, 28)), st.integers(0, 400))
def test_add_working_days_lands_on_a_working_day_and_between_inverts_it(start: D, n: int) -> None:
    strict = gongkai.Calendar(strict=True)
    try:
        end = strict.add_working_days(start, n)
    except gongkai.Error as e:
        assert e.code == "calendar" and "2027" in str(e)  # past the table: never a guess
        return
    assert end >= start
    if n > 0:
        assert strict.is_working_day(end)
        # Nothing earlier is the nth working day.
        assert strict.working_days_between(start, end - dt.timedelta(days=1)) == n - 1
    assert strict.working_days_between(start, end) == n


# --- Deadlines ---------------------------------------------------------------------------------


def test_deadline_of_every_kind() -> None:
    d = gongkai.deadline(D(2024, 9, 25), "自信息形成或者变更之日起20个工作日内")
    assert (d.date, d.kind, d.working_days, d.reason) == (D(2024, 10, 28), "working_days", 20, None)
    assert d.time_limit == {
        "kind": "working_days",
        "days": 20,
        "from": "formed_or_changed",
        "text": "自信息形成或者变更之日起20个工作日内",
    }
    assert d.start == D(2024, 9, 25) and d.datetime is None and d.message is None
    # The same limit as a dict, or as a number of working days.
    assert gongkai.deadline("2024-09-25", {"kind": "working_days", "days": 20}).date == d.date
    assert gongkai.deadline("2024-09-25", working_days=20).date == d.date
    # Calendar days: 7 days from 2024-09-24 end on National Day, moved to the next working day.
    d = gongkai.deadline(D(2024, 9, 24), calendar_days=7)
    assert (d.date, d.nominal_date) == (D(2024, 10, 8), D(2024, 10, 1))
    # 24 hours before a water stoppage at 08:00 on 10 March.
    d = gongkai.deadline(dt.datetime(2024, 3, 10, 8, 0), "提前24小时")
    assert d.kind == "hours_before"
    assert d.datetime == dt.datetime(2024, 3, 9, 8, 0) and d.date == D(2024, 3, 9)
    assert gongkai.deadline("2024-03-10 08:00", "提前24小时").datetime == d.datetime
    # Without a time of day the event may begin at 00:00.
    assert gongkai.deadline(D(2024, 3, 10), "提前24小时").datetime == dt.datetime(2024, 3, 9, 0, 0)
    # Annual: the next 31 January.
    assert gongkai.deadline(D(2024, 2, 1), {"kind": "annual_by", "month": 1, "day": 31}).date == D(2025, 1, 31)
    assert gongkai.deadline(D(2024, 1, 5), {"kind": "annual_by", "month": 1, "day": 31}).date == D(2024, 1, 31)
    # On the spot and real time: the start day.
    assert gongkai.deadline(D(2024, 6, 3), {"kind": "realtime"}).date == D(2024, 6, 3)
    d = gongkai.deadline(D(2024, 6, 3), "当场办结")
    assert (d.kind, d.date) == ("on_the_spot", D(2024, 6, 3))


@pytest.mark.parametrize(
    ("text", "kind", "reason"),
    [
        ("及时公开", "promptly", "no_deadline.promptly"),
        ("长期公开", "continuous", "no_deadline.continuous"),
        ("按有关规定", "unparsed", "no_deadline.unparsed"),
    ],
)
def test_no_computable_deadline_is_none_with_the_reason(text: str, kind: str, reason: str) -> None:
    d = gongkai.deadline(D(2024, 9, 25), text)
    assert (d.date, d.kind, d.reason) == (None, kind, reason)
    assert d.message and any("\u4e00" <= c <= "\u9fff" for c in d.message)
    en = gongkai.deadline(D(2024, 9, 25), text, lang="en")
    assert en.reason == reason and en.message and en.message != d.message
    assert en.message.isascii() or "“" in en.message
    assert d.to_dict()["reason"]["code"] == reason
    assert repr(d) == f"<gongkai.Deadline None reason={reason} kind={kind} start=2024-09-25>"


def test_extension_of_article_33() -> None:
    limit = {"kind": "working_days", "days": 20, "from": "request_received"}
    d = gongkai.deadline(D(2024, 9, 25), limit, extension_days=20)
    assert (d.date, d.working_days, d.extension_days) == (D(2024, 11, 25), 40, 20)
    assert gongkai.deadline(D(2024, 9, 25), limit, extension_days=True).date == D(2024, 11, 25)
    assert gongkai.deadline(D(2024, 9, 25), limit, extension_days=False).date == D(2024, 10, 28)
    with pytest.raises(gongkai.Error, match="第三十三条") as e:
        gongkai.deadline(D(2024, 9, 25), limit, extension_days=21)
    assert e.value.code == "invalid_argument"
    with pytest.raises(gongkai.Error, match="第三十三条"):
        gongkai.deadline(D(2024, 9, 25), calendar_days=7, extension_days=5)


def test_deadline_arguments() -> None:
    for kwargs in [{}, {"working_days": 5, "calendar_days": 5}]:
        with pytest.raises(gongkai.Error, match="三者之一") as e:
            gongkai.deadline(D(2024, 9, 25), **kwargs)  # type: ignore[arg-type]
        assert e.value.code == "invalid_argument"
    with pytest.raises(gongkai.Error, match="三者之一"):
        gongkai.deadline(D(2024, 9, 25), "20个工作日", working_days=20)
    with pytest.raises(gongkai.Error, match="time_limit") as e:
        gongkai.deadline(D(2024, 9, 25), {"kind": "weekly"})
    assert e.value.code == "invalid_argument"
    with pytest.raises(TypeError):
        gongkai.deadline(D(2024, 9, 25), 20)  # type: ignore[arg-type]
    with pytest.raises(gongkai.Error, match="start"):
        gongkai.deadline("soon", working_days=1)
    with pytest.raises(gongkai.Error, match="lang"):
        gongkai.deadline(D(2024, 9, 25), working_days=1, lang="fr")


# --- The CLI answers the same ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [
        (["--start", "2024-09-25", "--working-days", "20"], {"working_days": 20}),
        (["--start", "2020-01-23", "--working-days", "1"], {"working_days": 1}),
        (
            ["--start", "2024-09-25", "--working-days", "20", "--extension-days", "20"],
            {"working_days": 20, "extension_days": 20},
        ),
        (["--start", "2024-09-24", "--calendar-days", "7"], {"calendar_days": 7}),
        (["--start", "2024-09-25", "--time-limit", "自信息形成或者变更之日起20个工作日内"], {}),
        (["--start", "2024-03-10 08:00", "--time-limit", "提前24小时"], {}),
        (["--start", "2024-09-25", "--time-limit", "及时公开"], {}),
        (["--start", "2024-09-25", "--time-limit", "长期公开"], {}),
        (["--start", "2024-09-25", "--time-limit", "按有关规定"], {}),
    ],
)
def test_same_answer_as_the_cli(args: list[str], kwargs: dict[str, int]) -> None:
    code, out = run_cli("deadline", *args)
    assert code == 0
    start = args[1]
    text = args[args.index("--time-limit") + 1] if "--time-limit" in args else None
    d = gongkai.deadline(start, text, **kwargs)  # type: ignore[arg-type]
    assert d.to_dict() == out["deadline"]
    assert d.time_limit == out["time_limit"]
    assert str(d.start) == out["start"]


def _schedule() -> dict[D, str]:
    import csv

    with (REPO / "data" / "cn-holidays.csv").open(encoding="utf-8") as f:
        return {D.fromisoformat(r["date"]): r["kind"] for r in csv.DictReader(f)}


SCHEDULE = _schedule()


@settings(max_examples=300, deadline=None, database=None)
@given(st.dates(min_value=D(2007, 1, 1), max_value=D(2026, 12, 28)))
def test_is_working_day_agrees_with_the_published_table(day: D) -> None:
    # A model in a few lines of Python, read from the same CSV: Monday–Friday unless listed as
    # off, or listed as an adjusted working day.
    kind = SCHEDULE.get(day)
    model = kind == "work" if kind else day.weekday() < 5
    assert gongkai.is_working_day(day) == model
    info = gongkai.Calendar().day(day)
    assert info["kind"] == kind and info["working"] == model


@settings(max_examples=100, deadline=None, database=None)
@given(
    st.dates(min_value=D(2007, 1, 1), max_value=D(2026, 10, 1)),
    st.dictionaries(
        st.sampled_from(["kind", "days", "from", "hours", "month", "day", "text", "event"]),
        st.none() | st.integers(-5, 400) | st.text(max_size=8) | st.sampled_from(
            ["working_days", "calendar_days", "hours_before", "annual_by", "promptly", "realtime"]
        ),
        max_size=5,
    ),
)
def test_any_time_limit_dict_gives_a_deadline_or_a_gongkai_error(start: D, limit: dict[str, object]) -> None:
    try:
        d = gongkai.deadline(start, limit)
    except gongkai.Error as e:
        assert e.code in {"invalid_argument", "calendar"} and str(e)
        return
    assert (d.date is None) == (d.reason is not None)
    assert d.date is None or d.date >= start - dt.timedelta(days=366)


# --- Provisional years, strict mode, the default calendar's files -----------------------------


def test_provisional_years_are_marked() -> None:
    # The issue, on 2026-12-07: 20 working days run into 2027, whose notice is not out yet.
    d = gongkai.deadline(D(2026, 12, 7), working_days=20)
    assert d.date == D(2027, 1, 5)
    assert d.provisional is True
    assert d.provisional_years == [2027]
    assert [w["code"] for w in d.warnings] == ["calendar.provisional"]
    assert "2027 年" in d.warnings[0]["message"] and "临时" in d.warnings[0]["message"]
    assert gongkai.deadline(D(2026, 12, 7), working_days=20, lang="en").warnings[0]["message"].startswith(
        "the holiday notice for 2027"
    )
    assert d.to_dict()["provisional"] is True
    assert "provisional" in repr(d)
    exact = gongkai.deadline(D(2026, 11, 2), working_days=20)
    assert exact.date == D(2026, 11, 30) and exact.provisional is False and exact.warnings == []
    # The statutory holidays of 2027 (国务院令第795号): 春节 from 除夕 (Friday 02-05) to 初三.
    cal = gongkai.Calendar()
    assert cal.provisional_years[0] == 2027 and cal.provisional_years[-1] == 2088
    assert gongkai.Calendar(strict=True).provisional_years == []
    info = cal.day(D(2027, 2, 5))
    assert info == {"date": D(2027, 2, 5), "working": False, "kind": "off", "name": "春节", "provisional": True}
    assert cal.day(D(2026, 2, 16))["provisional"] is False


def test_bare_values_warn_when_provisional() -> None:
    with pytest.warns(gongkai.ProvisionalWarning, match="2027"):
        assert not gongkai.is_working_day(D(2027, 2, 8))  # 初三, a Monday
    with pytest.warns(gongkai.ProvisionalWarning):
        assert gongkai.add_working_days(D(2026, 12, 7), 20) == D(2027, 1, 5)
    with pytest.warns(gongkai.ProvisionalWarning):
        assert gongkai.working_days_between(D(2026, 12, 7), D(2027, 1, 5)) == 20
    assert issubclass(gongkai.ProvisionalWarning, UserWarning)
    # No warning inside the covered years.
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert gongkai.add_working_days(D(2024, 9, 25), 20) == D(2024, 10, 28)


def test_audit_is_marked_provisional() -> None:
    records = "item_id,formed_on,published_on\n1,2026-12-07,2027-01-06\n"
    cat = REPO / "tests" / "audit" / "catalogue.json"
    r = gongkai.audit(cat, records)
    assert r.provisional is True and r.provisional_years == [2027]
    assert r.rows[0]["provisional"] is True and r.rows[0]["deadline"] == D(2027, 1, 5)
    assert any(i["code"] == "calendar.provisional" for i in r.issues)
    strict = gongkai.audit(cat, records, strict_calendar=True, lang="en")
    assert strict.provisional is False
    assert strict.rows[0]["status"] == "not_applicable"
    assert "--calendar" in strict.rows[0]["message"]


NOTICE_2027_LATE = "date,kind,name\n2027-01-01,off,元旦\n2027-01-04,off,元旦\n"


def test_the_default_calendar_reads_the_user_file_and_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, _no_user_calendar: Path
) -> None:
    # The per-user file under XDG_DATA_HOME (set by the autouse fixture to an empty folder).
    user = _no_user_calendar / "xdg" / "gongkai" / "holidays.csv"
    user.parent.mkdir(parents=True)
    user.write_text(NOTICE_2027_LATE, encoding="utf-8")
    d = gongkai.deadline(D(2026, 12, 7), working_days=20)
    assert d.date == D(2027, 1, 6) and d.provisional is False
    assert gongkai.Calendar.load().covers(2027)
    assert gongkai.deadline(D(2026, 12, 7), working_days=20, strict_calendar=True).date == D(2027, 1, 6)
    # Without XDG_DATA_HOME, under HOME.
    monkeypatch.delenv("XDG_DATA_HOME")
    assert gongkai.deadline(D(2026, 12, 7), working_days=20).provisional is True
    home_file = _no_user_calendar / ".local" / "share" / "gongkai" / "holidays.csv"
    home_file.parent.mkdir(parents=True)
    home_file.write_text(NOTICE_2027_LATE, encoding="utf-8")
    assert gongkai.deadline(D(2026, 12, 7), working_days=20).date == D(2027, 1, 6)
    # GONGKAI_CALENDAR on top: its 2027 wins.
    env_file = tmp_path / "env.csv"
    env_file.write_text("date,kind,name\n2027-01-01,off,元旦\n", encoding="utf-8")
    monkeypatch.setenv("GONGKAI_CALENDAR", str(env_file))
    d = gongkai.deadline(D(2026, 12, 7), working_days=20)
    assert d.date == D(2027, 1, 5) and d.provisional is False
    # An explicit argument on top of both.
    late = tmp_path / "late.csv"
    late.write_text(NOTICE_2027_LATE, encoding="utf-8")
    assert gongkai.deadline(D(2026, 12, 7), working_days=20, calendar=late).date == D(2027, 1, 6)
    assert gongkai.Calendar.load(late).is_working_day(D(2027, 1, 5))
    # A file that changes is read again.
    env_file.write_text(NOTICE_2027_LATE, encoding="utf-8")
    import os

    os.utime(env_file, (1, 1))
    assert gongkai.deadline(D(2026, 12, 7), working_days=20).date == D(2027, 1, 6)
    # A missing or bad file is an error naming it.
    monkeypatch.setenv("GONGKAI_CALENDAR", str(tmp_path / "missing.csv"))
    with pytest.raises(gongkai.Error) as e:
        gongkai.deadline(D(2026, 12, 7), working_days=20)
    assert e.value.code == "io" and "missing.csv" in str(e.value.path)
    bad = tmp_path / "bad.csv"
    bad.write_text("date,kind,name\n2027-01-01,holiday,元旦\n", encoding="utf-8")
    monkeypatch.setenv("GONGKAI_CALENDAR", str(bad))
    with pytest.raises(gongkai.Error, match="第 2 行") as e:
        gongkai.is_working_day(D(2024, 1, 2))
    assert e.value.code == "calendar" and e.value.path == str(bad)


def test_check_calendar_reports_every_problem(tmp_path: Path) -> None:
    text = "date,kind,name\n2027-13-01,off,x\n2027-02-03,work,春节\n2027-01-01,off,元旦\n2027-01-01,off,元旦\n"
    r = gongkai.check_calendar(text)
    found = {(f["code"], f["line"]) for f in r["findings"]}
    assert ("calendar.bad_date", 2) in found
    assert ("calendar.work_on_weekday", 3) in found
    assert ("calendar.duplicate", 5) in found
    assert ("calendar.no_spring_festival", None) in found
    assert r["years"] == [2027] and r["rows"] == 4
    en = gongkai.check_calendar(text, lang="en")
    assert any("Wednesday" in f["message"] for f in en["findings"])
    ok = gongkai.check_calendar(REPO / "data" / "cn-holidays.csv")
    assert not [f for f in ok["findings"] if f["severity"] == "error"]
    assert [int(f["params"]["year"]) for f in ok["findings"]] == [2015, 2020]
