"""argparse's own words in the command's language: Polish by default, English on request."""

from __future__ import annotations

import argparse
import gettext
import re

import pytest

from opsreform._argparse_lang import PL_WORDS, LocalizedParser
from opsreform.cli import build_parser, main
from tests.conftest import EXAMPLES

ENGLISH = ("usage:", "options:", "positional arguments:", "show this help message and exit",
           "show program's version number and exit")
POLISH = ("użycie:", "opcje:", "argumenty pozycyjne:", "pokaż tę pomoc i zakończ",
          "pokaż wersję programu i zakończ")


def _help(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as exit_:
        main(list(argv))
    assert exit_.value.code == 0
    return capsys.readouterr().out


def _error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as exit_:
        main(list(argv))
    assert exit_.value.code == 2
    return capsys.readouterr().err


def test_help_has_polish_words_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    """`opsreform --help`: argparse's words are Polish like the rest, none English."""
    text = _help(capsys, "--help")
    assert all(word in text for word in POLISH)
    assert not any(word in text for word in ENGLISH)


@pytest.mark.parametrize("argv", [["--lang", "en", "--help"], ["--help", "--lang", "en"],
                                  ["--lang=en", "--help"]])
def test_help_has_english_words_with_lang_en(capsys: pytest.CaptureFixture[str],
                                             argv: list[str]) -> None:
    """`--lang en` (before or after): argparse's words are English, none Polish."""
    text = _help(capsys, *argv)
    assert all(word in text for word in ENGLISH)
    assert not any(word in text for word in POLISH)


@pytest.mark.parametrize("command", ["check", "plan", "report", "ical", "chart", "export"])
def test_every_command_help_in_both_languages(capsys: pytest.CaptureFixture[str],
                                              command: str) -> None:
    """Each command's help: Polish words by default, English with --lang en."""
    polish = _help(capsys, command, "--help")
    assert "użycie:" in polish and "opcje:" in polish and "pokaż tę pomoc" in polish
    assert "usage:" not in polish and "options:" not in polish
    english = _help(capsys, command, "--lang", "en", "--help")
    assert "usage:" in english and "show this help message and exit" in english
    assert "użycie:" not in english


@pytest.mark.parametrize(("argv", "polish", "english"), [
    (["check"], "opsreform check: błąd: brak wymaganych argumentów: FILE",
     "opsreform check: error: the following arguments are required: FILE"),
    (["check", "--format", "xml", "a.toml"],
     "argument --format: nieprawidłowy wybór: 'xml' (do wyboru: 'text', 'json')",
     "argument --format: invalid choice: 'xml' (choose from 'text', 'json')"),
    (["nope"], "argument COMMAND: nieprawidłowy wybór: 'nope'",
     "argument COMMAND: invalid choice: 'nope'"),
    (["check", "a.toml", "--nope"], "opsreform: błąd: nierozpoznane argumenty: --nope",
     "opsreform: error: unrecognized arguments: --nope"),
    (["plan", "a.toml", "--slot", "09.00 - 10.00", "--sessions", "dwie"],
     "argument --sessions: nieprawidłowa wartość (int): 'dwie'",
     "argument --sessions: invalid int value: 'dwie'"),
    (["check", "a.toml", "--format"], "argument --format: oczekiwano jednego argumentu",
     "argument --format: expected one argument"),
])
def test_bad_arguments_are_reported_in_the_language(
        capsys: pytest.CaptureFixture[str], argv: list[str], polish: str, english: str) -> None:
    """A bad argument: usage and error in Polish by default, in English with --lang en."""
    said = _error(capsys, *argv)
    assert polish in said and said.startswith("użycie:")
    said = _error(capsys, *argv, "--lang", "en")
    assert english in said and said.startswith("usage:")


def test_lang_before_the_command_sets_its_language(capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """`opsreform --lang en check FILE` checks in English; a --lang after it wins."""
    monkeypatch.setenv("COLUMNS", "200")
    path = str(EXAMPLES / "swilcza.toml")
    main(["--lang", "en", "check", "--show-info", path])
    assert "not checked:" in capsys.readouterr().out
    main(["--lang", "en", "check", "--show-info", path, "--lang", "pl"])
    assert "nie sprawdzono:" in capsys.readouterr().out


def test_argparse_is_left_as_it_was() -> None:
    """After a Polish parser has run, argparse speaks English to everyone else."""
    parser = build_parser("pl")
    assert "użycie:" in parser.format_help()
    with pytest.raises(SystemExit):
        parser.parse_args(["check", "--format", "xml", "x"])
    assert argparse._ is gettext.gettext  # type: ignore[attr-defined]
    assert argparse.ngettext is gettext.ngettext  # type: ignore[attr-defined]
    plain = argparse.ArgumentParser(prog="other")
    assert plain.format_usage() == "usage: other [-h]\n"


def test_plural_words() -> None:
    """A count of arguments takes the Polish plural (nargs=2 given one)."""
    parser = LocalizedParser(prog="p", lang="pl", exit_on_error=False)
    parser.add_argument("--pair", nargs=2)
    with pytest.raises(argparse.ArgumentError, match="oczekiwano 2 argumentów"):
        parser.parse_args(["--pair", "a"])
    english = LocalizedParser(prog="p", lang="en", exit_on_error=False)
    english.add_argument("--pair", nargs=2)
    with pytest.raises(argparse.ArgumentError, match="expected 2 arguments"):
        english.parse_args(["--pair", "a"])


def test_every_polish_word_keeps_the_placeholders() -> None:
    """A translation names the same %-placeholders, or argparse's formatting would fail."""
    for english, polish in PL_WORDS.items():
        assert sorted(_placeholders(english)) == sorted(_placeholders(polish)), english


def _placeholders(text: str) -> list[str]:
    return re.findall(r"%(?:\([a-z_]+\))?[rsd]", text)
