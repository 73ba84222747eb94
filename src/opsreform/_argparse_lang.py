r"""argparse in the command's language: its own words ("usage:", "options:") in Polish too.

argparse says its words ("usage: ", "options", "show this help message and exit", "the
following arguments are required: %s", "invalid choice: …") through ``gettext``, looked
up as the module globals ``argparse._`` and ``argparse.ngettext`` when it builds a parser,
formats help or reports a bad argument. :class:`LocalizedParser` keeps its language and,
only while one of those calls runs, points the two names at its own catalog; they are
put back when the call returns, so the program's own argparse parsers (and any gettext
catalog it installed) are untouched. (A lock keeps two threads from swapping at once;
another thread using argparse during the call would see the same words.)

English is argparse's own, so an English parser changes nothing.

>>> parser = LocalizedParser(prog="opsreform", lang="pl")
>>> parser.format_usage()
'użycie: opsreform [-h]\n'
>>> LocalizedParser(prog="opsreform", lang="en").format_usage()
'usage: opsreform [-h]\n'
"""

from __future__ import annotations

import argparse
import functools
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, NoReturn

__all__ = ["PL_WORDS", "LocalizedParser", "help_in"]

PL_WORDS: dict[str, str] = {
    "usage: ": "użycie: ",
    "positional arguments": "argumenty pozycyjne",
    "options": "opcje",
    "subcommands": "polecenia",
    "show this help message and exit": "pokaż tę pomoc i zakończ",
    "%(prog)s: error: %(message)s\n": "%(prog)s: błąd: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "brak wymaganych argumentów: %s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "nieprawidłowy wybór: %(value)r (do wyboru: %(choices)s)",
    "unrecognized arguments: %s": "nierozpoznane argumenty: %s",
    "expected one argument": "oczekiwano jednego argumentu",
    "expected at most one argument": "oczekiwano najwyżej jednego argumentu",
    "expected at least one argument": "oczekiwano co najmniej jednego argumentu",
    "invalid %(type)s value: %(value)r": "nieprawidłowa wartość (%(type)s): %(value)r",
    "ambiguous option: %(option)s could match %(matches)s":
        "niejednoznaczna opcja: %(option)s może oznaczać %(matches)s",
    "not allowed with argument %s": "niedozwolone razem z argumentem %s",
    "ignored explicit argument %r": "pominięto podaną wartość %r",
    "one of the arguments %s is required": "wymagany jest jeden z argumentów %s",
    "unexpected option string: %s": "nieoczekiwana opcja: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "nieznane polecenie %(parser_name)r (do wyboru: %(choices)s)",
    "can't open '%(filename)s': %(error)s": "nie można otworzyć '%(filename)s': %(error)s",
}
"""argparse's messages a user can meet (not those of a programming mistake), in Polish."""

# ngettext: (singular, plural) in English → (one, several) in Polish; Polish takes the
# genitive after "oczekiwano", the same for 2 and for 5 ("2 argumentów", "5 argumentów").
_PL_PLURALS: dict[tuple[str, str], tuple[str, str]] = {
    ("expected %s argument", "expected %s arguments"):
        ("oczekiwano %s argumentu", "oczekiwano %s argumentów"),
}

_LOCK = threading.RLock()


def help_in(table: Mapping[str, tuple[str, str]], lang: str) -> Callable[[str], str]:
    """The help text of each key of ``table`` (Polish, English pairs) in ``lang``."""
    def h(key: str) -> str:
        pl, en = table[key]
        return en if lang == "en" else pl
    return h


def _gettext_pl(message: str) -> str:
    return PL_WORDS.get(message, message)


def _ngettext_pl(singular: str, plural: str, n: int) -> str:
    one, many = _PL_PLURALS.get((singular, plural), (singular, plural))
    return one if n == 1 else many


@contextmanager
def _words(lang: str) -> Iterator[None]:
    """Argparse's words in ``lang`` for the duration of the block (English: as they are)."""
    if lang == "en":
        yield
        return
    with _LOCK:
        saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
        argparse._, argparse.ngettext = (  # type: ignore[attr-defined]
            _gettext_pl, _ngettext_pl)
        try:
            yield
        finally:
            argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


class LocalizedParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose own words are in ``lang`` (``pl`` or ``en``).

    Its subcommands' parsers are of the same language.

    Args:
        *args: What ``argparse.ArgumentParser`` takes.
        lang: ``pl`` (the default) or ``en``; any other value is Polish.
        **kwargs: What ``argparse.ArgumentParser`` takes.

    """

    def __init__(self, *args: Any, lang: str = "pl", **kwargs: Any) -> None:
        """Build the parser with argparse's words in ``lang``."""
        self.lang = lang
        with _words(lang):
            super().__init__(*args, **kwargs)

    def add_subparsers(self, **kwargs: Any) -> Any:
        """Add subcommands whose parsers speak this parser's language."""
        kwargs.setdefault("parser_class", functools.partial(type(self), lang=self.lang))
        with _words(self.lang):
            return super().add_subparsers(**kwargs)

    def format_usage(self) -> str:
        """The usage line, in the parser's language."""
        with _words(self.lang):
            return super().format_usage()

    def format_help(self) -> str:
        """The help, in the parser's language."""
        with _words(self.lang):
            return super().format_help()

    def parse_args(self, *args: Any, **kwargs: Any) -> Any:
        """Parse the arguments; one it does not know is reported in the parser's language."""
        with _words(self.lang):
            return super().parse_args(*args, **kwargs)

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        """Parse the arguments; a bad argument is reported in the parser's language."""
        with _words(self.lang):
            return super().parse_known_args(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        """Print the usage and ``message`` (``błąd:`` / ``error:``) and exit with 2."""
        with _words(self.lang):
            super().error(message)

