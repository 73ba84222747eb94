"""Groups, absences, keys and engagements of people (issue 14): model, files and rules."""

from __future__ import annotations

import itertools
import shutil
from datetime import date, timedelta
from fractions import Fraction
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opsreform.checks import check, check_many
from opsreform.cli import main
from opsreform.exceptions import ProjectFileError, ValidationError
from opsreform.files.project import dumps_project, load_project, loads_project, save_project
from opsreform.findings import Finding
from opsreform.model.groups import Group, GroupBook
from opsreform.model.people import Person, PersonEngagement, working_minutes
from opsreform.model.project import Project
from opsreform.periods import Period
from opsreform.rules.people import PersonHours

DATA = Path(__file__).parent / "data" / "people"
CENTRES = [DATA / f"centre-{x}.toml" for x in "abc"]


def said(findings: list[Finding] | tuple[Finding, ...], *rules: str,
         ) -> list[tuple[str, str, str, date | None]]:
    """(rule, severity, subject, date) of the findings of ``rules``, sorted."""
    return sorted((f.rule, f.severity.value, f.subject, f.date) for f in findings
                  if f.rule in rules)


# --- the model --------------------------------------------------------------------------


def test_group_contains_its_parts_and_their_members() -> None:
    """A group's members include those of the groups part of it, at any depth."""
    book = GroupBook((Group("kadra", "kadra"), Group("socjalni", "s", part_of="kadra",
                                                     members=("a",)),
                      Group("rejon-1", "r", part_of="socjalni", members=("b",))))
    assert book.within("kadra") == {"kadra", "socjalni", "rejon-1"}
    assert book.members("kadra") == {"a", "b"}
    assert book.members("rejon-1") == {"b"}


def test_group_cycles_and_bad_ids_are_refused() -> None:
    """part_of cycles, self-parts, undeclared parents and ids with spaces cannot be built."""
    with pytest.raises(ValidationError, match="cycle"):
        GroupBook((Group("x", "x", part_of="y"), Group("y", "y", part_of="x")))
    with pytest.raises(ValidationError, match="itself"):
        Group("x", "x", part_of="x")
    with pytest.raises(ValidationError, match="does not declare"):
        GroupBook((Group("x", "x", part_of="nowhere"),))
    with pytest.raises(ValidationError, match="lower-case"):
        Group("Pracownicy socjalni", "x")
    with pytest.raises(ValidationError, match="people"):
        Project(title="t", groups=(Group("x", "x", members=("nobody",)),))


def test_engagement_sizes() -> None:
    """An FTE takes the month's norm of its days; hours a month are the hours; else None."""
    may = Period(date(2018, 5, 1), date(2018, 5, 31))
    assert working_minutes(may) == 160 * 60  # 1, 3 and 31 May 2018 are holidays
    half = PersonEngagement(Period(date(2018, 5, 14), date(2018, 6, 30)), fte=Fraction(1, 2))
    assert half.minutes_in(2018, 5) == Fraction(working_minutes(
        Period(date(2018, 5, 14), date(2018, 5, 31))), 2)
    assert half.minutes_in(2018, 7) == 0
    assert PersonEngagement(may, hours_per_month=40).minutes_in(2018, 5) == 40 * 60
    assert PersonEngagement(may).minutes_in(2018, 5) is None
    with pytest.raises(ValidationError, match="not both"):
        PersonEngagement(may, fte=Fraction(1, 2), hours_per_month=40)
    with pytest.raises(ValidationError, match="FTE"):
        PersonEngagement(may, fte=Fraction(3, 2))
    with pytest.raises(ValidationError, match="too fine"):
        PersonEngagement(may, fte=Fraction(1, 10**9))


def test_person_keys_are_unique_in_a_project() -> None:
    """Two people of one project cannot share a key."""
    with pytest.raises(ValidationError, match="key"):
        Project(title="t", people=(Person("a", "A", key="k"), Person("b", "B", key="k")))


# --- the files --------------------------------------------------------------------------

HEAD = 'format = 1\ntitle = "t"\n'
SESSION = ('[[sessions]]\nid = "s"\nkind = "training"\ntitle = "T"\ndate = "05.03.2019"\n'
           'slots = "09.00 - 11.00"\n')


def test_undeclared_group_ids_are_placed_errors_free_text_is_kept() -> None:
    """With [[groups]], an id-looking undeclared group is an error at its line and key."""
    groups = '[[groups]]\nid = "kadra"\nname = "kadra"\n'
    with pytest.raises(ProjectFileError) as caught:
        loads_project(HEAD + groups + SESSION + 'groups = ["kadr"]\n', path="p.toml")
    assert caught.value.key == "sessions[0].groups"
    assert caught.value.line == 12
    assert "'kadr'" in str(caught.value) and "kadra" in str(caught.value)
    kept = loads_project(HEAD + groups + SESSION + 'groups = ["pracownicy socjalni"]\n')
    assert kept.sessions[0].attendance.groups == ("pracownicy socjalni",)
    assert kept.groups_of(kept.sessions[0]) == ()
    # A format-1 file without [[groups]] keeps any text, id-looking or not.
    old = loads_project(HEAD + SESSION + 'groups = ["zespol-roboczy"]\n')
    assert old.sessions[0].attendance.groups == ("zespol-roboczy",)


@pytest.mark.parametrize(("text", "key", "words"), [
    ('[[groups]]\nid = "a"\nname = "a"\npart_of = "b"\n[[groups]]\nid = "b"\nname = "b"\n'
     'part_of = "a"\n', "groups[0].part_of", "cycle"),
    ('[[groups]]\nid = "a"\nname = "a"\nmembers = ["nikt"]\n', "groups[0].members", "nikt"),
    ('[[groups]]\nid = "a"\nname = "a"\npart_of = "zz"\n', "groups[0].part_of", "zz"),
    ('[[people]]\nid = "p"\nname = "P"\nabsences = ["urlop"]\n', "people[0].absences",
     "urlop"),
    ('[[people]]\nid = "p"\nname = "P"\nengagements = [{ fte = 0.5, hours_per_month = 10, '
     'period = "marzec 2019" }]\n', "people[0].engagements[0].fte", "not both"),
    ('[[people]]\nid = "p"\nname = "P"\nengagements = [{ fte = 0.5, period = "wkrótce" }]\n',
     "people[0].engagements[0].period", "wkrótce"),
    ('[[people]]\nid = "p"\nname = "P"\nengagements = [{ hours = 5, period = "marzec 2019" }]\n',
     "people[0].engagements[0].hours", "unknown key"),
    ('[[people]]\nid = "p"\nname = "P"\nengagements = [{ fte = "pół", period = "marzec 2019" }]\n',
     "people[0].engagements[0].fte", "not a number"),
    ('[[people]]\nid = "p"\nname = "P"\nkey = "k"\n[[people]]\nid = "q"\nname = "Q"\n'
     'key = "k"\n', None, "key"),
])
def test_people_and_groups_errors_name_their_key(text: str, key: str | None,
                                                  words: str) -> None:
    """Each wrong key of groups, absences and engagements is a placed error."""
    with pytest.raises(ProjectFileError) as caught:
        loads_project(HEAD + text, path="p.toml")
    assert words in str(caught.value)
    if key is not None:
        assert caught.value.key == key


@pytest.mark.parametrize("name", ["groups", "centre-a", "centre-b", "centre-c"])
def test_people_files_round_trip(name: str, tmp_path: Path) -> None:
    """Load, save (as an edit and anew) and load again gives an equal project."""
    project = load_project(DATA / f"{name}.toml")
    save_project(project, tmp_path / "edit.toml")
    assert load_project(tmp_path / "edit.toml") == project
    assert (tmp_path / "edit.toml").read_text(encoding="utf-8") == (
        DATA / f"{name}.toml").read_text(encoding="utf-8")
    save_project(attrs.evolve(project, origin=None), tmp_path / "new.toml")
    assert load_project(tmp_path / "new.toml") == project


def test_edited_people_are_saved(tmp_path: Path) -> None:
    """A new absence, engagement, key and group written into a file read back equal."""
    project = load_project(DATA / "groups.toml")
    person = attrs.evolve(project.people[1], key="jan-lis",
                          absences=(Period(date(2019, 4, 1), date(2019, 4, 5)),),
                          engagements=(PersonEngagement(Period(date(2019, 1, 1), date(2019, 6, 30)),
                                                  fte=Fraction(1, 3), text="etat"),))
    edited = attrs.evolve(project, people=(project.people[0], person, *project.people[2:]),
                          groups=(*project.groups, Group("nowi", "nowi pracownicy",
                                                         part_of="kadra")))
    save_project(edited, tmp_path / "p.toml")
    assert load_project(tmp_path / "p.toml") == edited


def test_table_groups_attend_its_rows(examples: dict[str, Project]) -> None:
    """A table's groups attend each of its sessions (001: the staff, the social workers)."""
    project = examples["tarnowskie-gory"]
    training = next(s for s in project.sessions if s.table == "2018-01-16")
    supervision = next(s for s in project.sessions if s.kind == "supervision")
    assert project.groups_of(training) == ("pracownicy-mops",)
    assert project.groups_of(supervision) == ("pracownicy-socjalni",)
    assert project.attendees_of(supervision) == ()  # the document names no one


def test_attendees_include_the_members_of_groups_and_their_parts() -> None:
    """Named attendees first, then the members of the groups (and of their parts)."""
    project = load_project(DATA / "groups.toml")
    s1 = next(s for s in project.sessions if s.id == "s1")
    s6 = next(s for s in project.sessions if s.id == "s6")
    assert project.attendees_of(s1) == ("as-lis", "pw-kowalska")
    assert project.attendees_of(s6) == ("pw-kowalska",)


def test_the_cli_checks_a_person_across_files(capsys: pytest.CaptureFixture[str]) -> None:
    """`opsreform check a b c` reports the shared trainer's clash and month in each file."""
    assert main(["check", *map(str, CENTRES), "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert out.count("person-hours") >= 3 and "centre-b.toml" in out


# --- the rules on one project ------------------------------------------------------------


def test_groups_file_findings() -> None:
    """Groups apart at once warn; disjoint, touching, free-text and same-venue do not."""
    findings = check(load_project(DATA / "groups.toml"))
    assert said(findings, "double-booking", "absence") == [
        ("absence", "error", "session s13", date(2019, 3, 19)),
        ("absence", "error", "session s14", date(2019, 3, 25)),
        ("double-booking", "error", "session s8", date(2019, 3, 8)),
        ("double-booking", "warning", "session s2", date(2019, 3, 5)),
        ("double-booking", "warning", "session s6", date(2019, 3, 7)),
    ]
    member = next(f for f in findings if f.subject == "session s6")
    assert "Anna Kowalska" in member.message and "s5" in member.message
    assert "Anna Kowalska" in member.text("en")
    absent = next(f for f in findings if f.subject == "session s14")
    assert "prowadzi" in absent.message and "leads" in absent.text("en")


def test_one_project_sees_no_other() -> None:
    """Checked alone, a centre has no cross-project finding and counts its own hours."""
    found = check(load_project(CENTRES[0]))
    assert said(found, "double-booking") == []
    assert said(found, "person-hours") == []  # 84 + 32 h in March, 84 + 16 in April


# --- across projects ---------------------------------------------------------------------


def test_three_centres_share_a_trainer() -> None:
    """Over 276 h in April in each file; exactly 276 in March: nothing; one clash each side."""
    results = {Path(r.source or "").stem: r.findings for r in check_many(CENTRES)}
    assert said(results["centre-a"], "person-hours", "double-booking") == [
        ("double-booking", "error", "session a5", date(2019, 5, 7)),
        ("person-hours", "error", "person trenerka", date(2019, 4, 1)),
    ]
    assert said(results["centre-b"], "person-hours", "double-booking") == [
        ("double-booking", "error", "session b3", date(2019, 5, 7)),
        ("person-hours", "error", "person wisniewska", date(2019, 4, 1)),
    ]
    assert said(results["centre-c"], "person-hours", "double-booking") == [
        ("person-hours", "error", "person aw", date(2019, 4, 1)),
        ("person-hours", "info", "person pz", None),
    ]
    over = next(f for f in results["centre-c"] if f.subject == "person aw")
    assert "277" in over.message and "276" in over.message
    clash = next(f for f in results["centre-a"] if f.rule == "double-booking")
    assert "centre-b.toml" in clash.message and "b3" in clash.message
    unknown = next(f for f in results["centre-c"] if f.subject == "person pz")
    assert "03.2019" in unknown.message


def test_findings_do_not_depend_on_the_order_of_files() -> None:
    """Every order of the three files gives each file the same findings."""
    first = {r.source: r.findings for r in check_many(CENTRES)}
    for order in itertools.permutations(CENTRES):
        assert {r.source: r.findings for r in check_many(order)} == first


def test_the_cap_is_a_parameter(tmp_path: Path) -> None:
    """With a cap of 277 hours, April's 277 are within it."""
    for path in CENTRES:
        text = path.read_text(encoding="utf-8") + '\n[rules]\nperson-hours = { cap = 277 }\n'
        (tmp_path / path.name).write_text(text, encoding="utf-8")
    results = check_many(sorted(tmp_path.glob("*.toml")))
    assert all(f.severity.value != "error" for r in results for f in r.findings
               if f.rule == "person-hours")
    assert PersonHours(cap="276.5").cap == Fraction(553, 2)
    with pytest.raises(ValueError, match="above 0"):
        PersonHours(cap=0)
    assert PersonHours(cap="276,5").cap == PersonHours(cap=276.5).cap == Fraction(553, 2)
    for wrong in (True, "dużo", [276]):
        with pytest.raises(ValueError, match="number of hours"):
            PersonHours(cap=wrong)  # type: ignore[arg-type]
    with pytest.raises(ProjectFileError) as caught:
        loads_project(HEAD + '[rules]\nperson-hours = { cap = "dużo" }\n', path="p.toml")
    assert caught.value.key == "rules.person-hours"


def test_undeclared_engagements_are_a_note_not_a_guess(tmp_path: Path) -> None:
    """A trainer whose other work no file states gets one info, and no error."""
    text = CENTRES[2].read_text(encoding="utf-8")
    (tmp_path / "c.toml").write_text(text, encoding="utf-8")
    found = check(load_project(tmp_path / "c.toml"))
    assert said(found, "person-hours") == [
        ("person-hours", "info", "person aw", None),
        ("person-hours", "info", "person pz", None),
    ]


def test_a_group_member_with_a_key_is_seen_across_projects(tmp_path: Path) -> None:
    """A keyed member of a group attending here, leading there at once: a warning each."""
    shutil.copy(DATA / "groups.toml", tmp_path / "g.toml")
    text = (tmp_path / "g.toml").read_text(encoding="utf-8").replace(
        'name = "Anna Kowalska"\n', 'name = "Anna Kowalska"\nkey = "anna-kowalska"\n')
    (tmp_path / "g.toml").write_text(text, encoding="utf-8")
    other = (HEAD + '[[people]]\nid = "ak"\nname = "A. Kowalska"\nkey = "anna-kowalska"\n'
             'engagements = []\n' + SESSION + 'leaders = ["ak"]\n')
    (tmp_path / "o.toml").write_text(other, encoding="utf-8")
    results = {Path(r.source or "").stem: r.findings
               for r in check_many([tmp_path / "g.toml", tmp_path / "o.toml"])}
    assert ("double-booking", "warning", "session s", date(2019, 3, 5)) in said(
        results["o"], "double-booking")
    assert ("double-booking", "warning", "session s2", date(2019, 3, 5)) in said(
        results["g"], "double-booking")


def test_a_groups_column_in_a_session_table(tmp_path: Path) -> None:
    """A table's `groups` column names the groups of each row; undeclared ids are errors."""
    table = ("Lp.;Nazwa;Data;Godziny;Sala;Grupy\n"
             "1;SZKOLENIE;05.03.2019;09.00 - 15.00;a;kadra\n"
             "2;SUPERWIZJA;05.03.2019;10.00 - 12.00;b;socjalni\n")
    (tmp_path / "t.csv").write_text(table, encoding="utf-8")
    head = (HEAD + '[[venues]]\nid = "a"\nname = "A"\n[[venues]]\nid = "b"\nname = "B"\n'
            '[[groups]]\nid = "kadra"\nname = "kadra"\n[[groups]]\nid = "socjalni"\n'
            'name = "pracownicy socjalni"\npart_of = "kadra"\n'
            '[[tables]]\nid = "t"\nfile = "t.csv"\n')
    (tmp_path / "p.toml").write_text(head, encoding="utf-8")
    project = load_project(tmp_path / "p.toml")
    assert [project.groups_of(s) for s in project.sessions] == [("kadra",), ("socjalni",)]
    assert said(check(project), "double-booking") == [
        ("double-booking", "warning", "session t#2", date(2019, 3, 5))]
    save_project(project, tmp_path / "out" / "p.toml")
    assert load_project(tmp_path / "out" / "p.toml") == project
    (tmp_path / "t.csv").write_text(table.replace("socjalni\n", "socjalny\n"), encoding="utf-8")
    with pytest.raises(ProjectFileError) as caught:
        load_project(tmp_path / "p.toml")
    assert caught.value.line == 3 and "socjalny" in str(caught.value)


_days = st.dates(date(2018, 1, 1), date(2020, 12, 31))
_periods = st.tuples(_days, st.integers(0, 90)).map(
    lambda d: Period(d[0], d[0] + timedelta(days=d[1])))
_engagements = st.builds(
    lambda period, size, amount, text: PersonEngagement(
        period, fte=amount if size == "fte" else None,
        hours_per_month=amount * 40 if size == "hours" else None, text=text),
    st.none() | _periods, st.sampled_from(["fte", "hours", "unknown"]),
    st.sampled_from([Fraction(1), Fraction(1, 2), Fraction(1, 3), Fraction(3, 8),
                     Fraction(1234, 10000)]),
    st.none() | st.sampled_from(["umowa o pracę", "zlecenie „B”"]))


@settings(max_examples=40, deadline=None)
@given(people=st.lists(st.builds(
    lambda i, key, absences, engagements: Person(
        f"p{i}", f"Osoba {i}", key=key and f"{key}-{i}", absences=absences,
        engagements=engagements),
    st.integers(0, 10 ** 6), st.none() | st.sampled_from(["k", "trener"]),
    st.lists(_periods, max_size=3), st.none() | st.lists(_engagements, max_size=3)),
    max_size=4, unique_by=lambda p: p.id),
    parts=st.lists(st.sampled_from([None, 0, 1]), max_size=3))
def test_people_and_groups_survive_writing_and_reading(people: list[Person],
                                                      parts: list[int | None]) -> None:
    """Any keys, absences, engagements and groups: dumps then loads gives them back."""
    groups = tuple(Group(f"g{i}", f"grupa {i}", part_of=None if part is None or part >= i
                         else f"g{part}", members=tuple(p.id for p in people[:i]))
                   for i, part in enumerate(parts))
    project = Project(title="t", people=tuple(people), groups=groups)
    assert loads_project(dumps_project(project)) == project


def test_one_file_given_twice_is_one_project() -> None:
    """Nobody clashes with themselves, and no hour counts twice, when a file repeats."""
    twice = check_many([CENTRES[0], CENTRES[0]])
    once = check(load_project(CENTRES[0]))
    assert [r.findings for r in twice] == [tuple(once), tuple(once)]


def test_an_absence_stated_in_one_file_holds_in_another(tmp_path: Path) -> None:
    """Leave stated in centre A's file: her session in centre B then is an error in B."""
    text = CENTRES[0].read_text(encoding="utf-8").replace(
        'key = "anna-wisniewska"\n',
        'key = "anna-wisniewska"\nabsences = ["06.05.2019 – 10.05.2019"]\n')
    (tmp_path / "a.toml").write_text(text, encoding="utf-8")
    shutil.copy(CENTRES[1], tmp_path / "b.toml")
    results = {Path(r.source or "").stem: r.findings
               for r in check_many([tmp_path / "b.toml", tmp_path / "a.toml"])}
    assert said(results["a"], "absence") == [("absence", "error", "session a5", date(2019, 5, 7))]
    assert said(results["b"], "absence") == [("absence", "error", "session b3", date(2019, 5, 7))]
    elsewhere = next(f for f in results["b"] if f.rule == "absence")
    assert "a.toml" in elsewhere.message and "prowadzi" in elsewhere.message
    assert said(check(load_project(tmp_path / "b.toml")), "absence") == []


def test_an_engagement_without_a_period_holds_every_month(tmp_path: Path) -> None:
    """No period stated: its hours count in every month the batch has anything in."""
    text = CENTRES[1].read_text(encoding="utf-8").replace(
        'period = "marzec – kwiecień 2019", ', '')
    (tmp_path / "b.toml").write_text(text, encoding="utf-8")
    project = load_project(tmp_path / "b.toml")
    assert project.people[0].engagements is not None
    assert project.people[0].engagements[0].period is None
    results = check_many([CENTRES[0], tmp_path / "b.toml", CENTRES[2]])
    assert said(results[1].findings, "person-hours") == [
        ("person-hours", "error", "person wisniewska", date(2019, 4, 1))]
    # In May too: 160 h of the contract and 6 h of sessions, over a cap of 165.
    low = check_many([CENTRES[0], tmp_path / "b.toml"], rules=[PersonHours(cap=165)])
    assert ("person-hours", "error", "person wisniewska", date(2019, 5, 1)) in said(
        low[1].findings, "person-hours")
    save_project(project, tmp_path / "out.toml")
    assert load_project(tmp_path / "out.toml") == project
