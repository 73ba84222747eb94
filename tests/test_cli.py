"""The command line: check's output, formats and exit status."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from opsreform.cli import main
from tests.conftest import EXAMPLES, ROOT


def test_check_examples_reports_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    """The bundled examples have real problems: exit 1, findings printed."""
    status = main(["check", *sorted(str(p) for p in EXAMPLES.glob("*.toml"))])
    out = capsys.readouterr().out
    assert status == 1
    assert "double-booking" in out and "Nowy Model - Lepsza Jakość" in out


def test_check_json_one_line_per_file(capsys: pytest.CaptureFixture[str]) -> None:
    """--format json prints one object per file with file, project and findings."""
    files = [str(EXAMPLES / "tarnowskie-gory.toml"), str(EXAMPLES / "michalowice.toml")]
    main(["check", "--format", "json", *files])
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 2
    first = json.loads(lines[0])
    assert first["file"] == files[0] and first["project"] == "Nowy Model - Lepsza Jakość"
    keys = {"rule", "severity", "date", "subject", "message", "key"}
    assert all(set(f) == keys for f in first["findings"])


def test_check_unreadable_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                       ) -> None:
    """A broken file gives exit 2 and a message naming it, whatever the others say."""
    bad = tmp_path / "bad.toml"
    bad.write_text("format = 1\n", encoding="utf-8")
    assert main(["check", str(bad), str(EXAMPLES / "michalowice.toml")]) == 2
    assert "bad.toml" in capsys.readouterr().err


def test_fail_on_warning(tmp_path: Path) -> None:
    """A project with only a warning exits 0, or 1 with --fail-on warning."""
    path = tmp_path / "w.toml"
    path.write_text('format = 1\ntitle = "W"\nperiod = "2018"\n'.replace(
        'period = "2018"\n', 'period = "maj 2018"\n') + '[[sessions]]\nid = "s"\n'
        'kind = "training"\ntitle = "Sobota"\ndate = "05.05.2018"\nslots = "09.00 - 12.00"\n',
        encoding="utf-8")
    assert main(["check", str(path)]) == 0
    assert main(["check", "--fail-on", "warning", str(path)]) == 1


def test_plan_command(capsys: pytest.CaptureFixture[str]) -> None:
    """`opsreform plan` prints proposed dates in Polish."""
    status = main(["plan", str(EXAMPLES / "tarnowskie-gory.toml"), "--contract", "superwizja",
                   "--slot", "08.00 - 14.00", "--period", "wrzesień 2018", "--sessions", "2",
                   "--weekdays", "wt,cz"])
    out = capsys.readouterr().out.splitlines()
    assert status == 0
    assert out[0].startswith("wtorek, 4 września 2018")
    assert len(out) == 2


def test_check_puts_errors_first_and_folds_notes(capsys: pytest.CaptureFixture[str]) -> None:
    """Errors before warnings; info notes folded into one line unless --show-info."""
    path = str(ROOT / "examples" / "tarnowskie-gory.toml")
    assert main(["check", path]) == 1
    text = capsys.readouterr().out
    errors = [n for n, line in enumerate(text.splitlines()) if "BŁĄD" in line]
    warnings = [n for n, line in enumerate(text.splitlines()) if "OSTRZEŻENIE" in line]
    assert errors and warnings and max(errors) < min(warnings)
    assert "nie sprawdzono:" not in text  # notes are folded
    assert "sesja 2018-05-07#6" in text and "session 2018" not in text
    assert main(["check", path, "--show-info"]) == 1
    assert "nie sprawdzono:" in capsys.readouterr().out
    assert main(["check", path, "--min-severity", "error"]) == 1
    shown = capsys.readouterr().out
    assert "OSTRZEŻENIE" not in shown and "uwagi: 11 —" not in shown and "BŁĄD" in shown


def test_check_in_english_translates_labels_not_ids(capsys: pytest.CaptureFixture[str]
                                                    ) -> None:
    """--lang en: severities, subjects and totals in English; JSON keeps its fields."""
    path = str(ROOT / "examples" / "tarnowskie-gory.toml")
    assert main(["check", path, str(ROOT / "examples" / "swilcza.toml"), "--lang", "en"]) == 1
    text = capsys.readouterr().out
    assert "ERROR" in text and "session 2018-05-07#6" in text
    assert "Total 2 files: errors: 2, warnings: 5" in text  # 4 staff-group clashes
    assert "errors in: " + path in text
    assert main(["check", path, "--format", "json", "--lang", "en"]) == 1
    record = json.loads(capsys.readouterr().out)
    assert set(record) == {"file", "project", "findings"}
    assert {f["subject"] for f in record["findings"]} >= {"session 2018-05-07#6"}


def test_check_lines_fit_the_terminal(capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Lines are wrapped to the terminal's width; no colour codes when not a terminal."""
    monkeypatch.setenv("COLUMNS", "72")
    assert main(["check", *(str(p) for p in sorted((ROOT / "examples").glob("*.toml")))]) == 1
    text = capsys.readouterr().out
    long_words = [w for w in text.split() if len(w) > 40]  # a path is never broken
    assert max(len(line) for line in text.splitlines() if not any(
        w in line for w in long_words)) <= 72
    assert "\033[" not in text


def test_check_text_sends_no_control_characters_to_the_terminal(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A title with an escape sequence or a line break never reaches the terminal raw."""
    source = (ROOT / "examples" / "swilcza.toml").read_text(encoding="utf-8")
    hostile = tmp_path / "p.toml"
    hostile.write_text(source.replace('title = "', 'title = "\\u001b[2J\\r\\nX', 1),
                       encoding="utf-8")
    assert main(["check", str(hostile)]) == 2  # control characters are refused on reading
    printed = capsys.readouterr()
    assert "\x1b" not in printed.out + printed.err and "\r" not in printed.out + printed.err


def test_check_json_names_the_place_of_an_error(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    """--format json prints an object with error, line and key for an unreadable file."""
    bad = tmp_path / "bad.toml"
    bad.write_text('format = 1\ntitle = "T"\ndurability_months = -24\n', encoding="utf-8")
    assert main(["check", "--format", "json", str(bad), str(EXAMPLES / "swilcza.toml")]) == 2
    first, second = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert first["file"] == str(bad) and first["line"] == 3
    assert first["key"] == "durability_months" and "from 1 to 240" in first["error"]
    assert second["project"].startswith("Wdrożenie") and "findings" in second


def test_check_root_widens_the_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                      ) -> None:
    """--root lets a project read tables outside its own folder; without it they are refused."""
    project = tmp_path / "t.toml"
    project.write_text((EXAMPLES / "tarnowskie-gory.toml").read_text(encoding="utf-8").replace(
        'file = "tables/', f'file = "{EXAMPLES}/tables/'), encoding="utf-8")
    assert main(["check", "--format", "json", str(project)]) == 2
    refused = json.loads(capsys.readouterr().out)
    assert refused["key"] == "tables[0].file" and "outside the folder" in refused["error"]
    assert main(["check", "--format", "json", "--root", str(EXAMPLES), str(project)]) == 1
    assert json.loads(capsys.readouterr().out)["project"] == "Nowy Model - Lepsza Jakość"


def test_check_survives_a_failing_rule(monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    """A rule that crashes is reported for its file (exit 2), and the next file is checked."""
    from opsreform import checks

    def flaky(projects: list[object], rules: list[object]) -> list[list[object]]:
        if any("Świlcz" in getattr(p, "title", "") for p in projects):
            raise OverflowError("date value out of range")
        return [[] for _ in projects]

    monkeypatch.setattr(checks, "evaluate", flaky)
    files = [str(EXAMPLES / "swilcza.toml"), str(EXAMPLES / "michalowice.toml")]
    assert main(["check", "--format", "json", *files]) == 2
    first, second = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert "unexpected OverflowError" in first["error"] and second["findings"] == []


def test_check_a_file_name_that_is_not_utf8(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """A file name with bytes that are not UTF-8 is printed escaped, not a crash."""
    name = os.fsdecode(bytes(tmp_path) + b"/\xff.toml")
    assert main(["check", "--format", "json", name]) == 2
    assert "\\udcff" in json.loads(capsys.readouterr().out)["file"]


def test_help_is_polish_unless_asked_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    """`opsreform --help` speaks Polish; `--lang en` anywhere gives the English help."""
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    polish = capsys.readouterr().out
    assert "sprawdź pliki projektów" in polish and "pomiń wyniki" in polish
    with pytest.raises(SystemExit):
        main(["check", "--lang", "en", "--help"])
    english = capsys.readouterr().out
    assert "check project files" in english and "pomiń" not in english


def test_plan_in_english_names_days_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    """`plan --lang en` writes the proposed days in English."""
    args = ["plan", str(EXAMPLES / "tarnowskie-gory.toml"), "--contract", "superwizja",
            "--sessions", "1", "--slot", "09.00 - 12.00", "--period", "wrzesień 2018"]
    assert main([*args, "--lang", "en"]) == 0
    assert "Monday, 03.09.2018" in capsys.readouterr().out
    assert main(args) == 0
    assert "września" in capsys.readouterr().out


def test_files_with_errors_come_first(capsys: pytest.CaptureFixture[str]) -> None:
    """Over several files the text lists those with errors first; JSON keeps the order."""
    files = [str(p) for p in sorted(EXAMPLES.glob("*.toml"))]
    assert main(["check", *files]) == 1
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith(str(EXAMPLES / "tarnowskie-gory.toml"))
    assert main(["check", "--format", "json", *files]) == 1
    order = [json.loads(line)["file"] for line in capsys.readouterr().out.splitlines()]
    assert order == files


def test_every_command_takes_root(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A table outside the project's folder: refused by default, read with --root."""
    import shutil

    shutil.copytree(EXAMPLES / "tables", tmp_path / "tables")
    (tmp_path / "p").mkdir()
    text = (EXAMPLES / "tarnowskie-gory.toml").read_text(encoding="utf-8")
    project = tmp_path / "p" / "t.toml"
    project.write_text(text.replace('file = "tables/', 'file = "../tables/'), encoding="utf-8")
    out = tmp_path / "out"
    commands = [
        ["check", str(project)],
        ["plan", str(project), "--contract", "superwizja", "--sessions", "1", "--slot",
         "09.00 - 12.00", "--period", "wrzesień 2018"],
        ["report", str(project), "-o", str(tmp_path / "r.md")],
        ["ical", str(project), "-o", str(tmp_path / "c.ics")],
        ["export", str(project), "-o", str(out)],
    ]
    for args in commands:
        assert main(args) == 2, args
        assert main([*args, "--root", str(tmp_path)]) in (0, 1), args
    capsys.readouterr()


def test_plan_study_visits_at_the_weekend_where_allowed(
        capsys: pytest.CaptureFixture[str]) -> None:
    """`plan` without --weekdays lets the project's rules decide: Saturday for a visit."""
    path = str(ROOT / "tests" / "data" / "planning" / "weekend-visits.toml")
    assert main(["plan", path, "--kind", "study-visit", "--sessions", "1",
                 "--slot", "09.00 - 15.00"]) == 0
    assert capsys.readouterr().out.startswith("sobota, 1 września 2018")


def test_plan_refusal_names_the_rules_in_the_language(
        capsys: pytest.CaptureFixture[str]) -> None:
    """A refused plan exits 1 and says which rules refused, in Polish or English."""
    path = str(ROOT / "tests" / "data" / "planning" / "weekend-strict.toml")
    args = ["plan", path, "--kind", "training", "--sessions", "40", "--slot", "09.00 - 15.00"]
    assert main(args) == 1
    polish = capsys.readouterr().err
    assert "zmieściło się tylko 20 z 40 sesji" in polish
    assert "weekend odrzuca dni: 10 (pierwszy 01.09.2018)" in polish
    assert main([*args, "--lang", "en"]) == 1
    assert "weekend refuses 10 day(s), the first 2018-09-01" in capsys.readouterr().err
