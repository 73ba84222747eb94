"""Reading postal addresses into one normal form."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opsreform import Address, parse_address, parse_addresses
from opsreform.exceptions import ParseError, ValidationError
from opsreform.text.addresses import _clean, _streets
from tests.common import assert_parse_error, assert_reads_or_refuses

SIENKIEWICZA = Address("ul. Sienkiewicza 8", "42-600", "Tarnowskie Góry")
BYTOMSKA = Address("ul. Bytomska 15", "42-600", "Tarnowskie Góry")


@pytest.mark.parametrize(
    "text",
    ["ul. Sienkiewicza 8 42-600 Tarnowskie Góry", "ul. Sienkiewicza 8 Tarnowskie Góry 42-600",
     "ul.  Sienkiewicza 8, 42-600 Tarnowskie Góry", "ul.Sienkiewicza 8 42-600 Tarnowskie Góry",
     "ulica Sienkiewicza 8 42-600 Tarnowskie Góry", "UL. Sienkiewicza 8 42-600 Tarnowskie Góry",
     "ul.\u00a0Sienkiewicza\u00a08\n42-600\u00a0Tarnowskie Góry",
     "  ul. Sienkiewicza 8 42 - 600 Tarnowskie Góry  "],
)
def test_spellings_of_one_place(text: str) -> None:
    """Each way the documents (and people) write the venue reads to the same address."""
    assert parse_address(text) == SIENKIEWICZA
    assert parse_address(text).key == SIENKIEWICZA.key


def test_two_streets_one_town() -> None:
    """'ul. Bytomska 15 ul. Sienkiewicza 8 Tarnowskie Góry 42-600' is two venues."""
    assert parse_addresses("ul. Bytomska 15 ul. Sienkiewicza 8 Tarnowskie Góry 42-600") == (
        BYTOMSKA, SIENKIEWICZA)


def test_department_cells_without_town() -> None:
    """The departments' address cells list streets only; town and code are unknown (None)."""
    assert parse_addresses("ul. Janasa 9 ul. Sienkiewicza 8 ul. Janasa 9") == (
        Address("ul. Janasa 9"), Address("ul. Sienkiewicza 8"), Address("ul. Janasa 9"))
    wysz = parse_addresses("ul. Bytomska 15 ul. Wyszyńskiego 131 ul. Bytomska 15")
    assert [a.street for a in wysz] == ["ul. Bytomska 15", "ul. Wyszyńskiego 131",
                                       "ul. Bytomska 15"]
    assert all(a.city is None and a.postcode is None for a in wysz)


@pytest.mark.parametrize(
    ("text", "street"),
    [("ul. 3 Maja 5 00-001 Warszawa", "ul. 3 Maja 5"),
     ("al. 11 Listopada 12/4 00-001 Warszawa", "al. 11 Listopada 12/4"),
     ("al. Armii Krajowej 12a 00-001 Warszawa", "al. Armii Krajowej 12a"),
     ("pl. Wolności 1 00-001 Warszawa", "pl. Wolności 1"),
     ("osiedle Młodych 3 00-001 Warszawa", "os. Młodych 3")],
)
def test_other_streets(text: str, street: str) -> None:
    """Numbered street names, flat numbers, letters and other prefixes are read."""
    address = parse_address(text)
    assert address.street == street
    assert (address.postcode, address.city) == ("00-001", "Warszawa")


def test_str_and_key() -> None:
    """str() writes the normal form; key ignores case."""
    assert str(SIENKIEWICZA) == "ul. Sienkiewicza 8, 42-600 Tarnowskie Góry"
    assert str(Address("ul. Janasa 9")) == "ul. Janasa 9"
    assert parse_address("ul. SIENKIEWICZA 8 42-600 TARNOWSKIE GÓRY").key == SIENKIEWICZA.key


@pytest.mark.parametrize(
    ("text", "position"),
    [("Tarnowskie Góry", 0), ("  Tarnowskie Góry", 2), ("ul. Sienkiewicza", 0),
     ("ul. Sienkiewicza 42-600 Tarnowskie Góry", 0),
     ("ul. Bytomska 15 oraz ul. Sienkiewicza 8", 16),
     ("ul. Bytomska 15, sala 3, ul. Sienkiewicza 8", 17)],
)
def test_refused(text: str, position: int) -> None:
    """No street at the start, or text between streets: ParseError at the place."""
    assert_parse_error(parse_addresses, text, position)


def test_one_address_expected() -> None:
    """parse_address refuses two addresses; empty text is an error."""
    with pytest.raises(ParseError, match="2 addresses"):
        parse_address("ul. Bytomska 15 ul. Sienkiewicza 8 Tarnowskie Góry 42-600")
    assert_parse_error(parse_address, "   ", None, match="empty")


@pytest.mark.parametrize(
    ("args", "field"),
    [(("",), "street"), ((None,), "street"), (("ul. X 1", "42600"), "postcode"),
     (("ul. X 1", "42-600", " "), "city")],
)
def test_address_validates(args: tuple[object, ...], field: str) -> None:
    """An Address that exists is valid: a street, a 00-000 code, a non-blank town."""
    with pytest.raises(ValidationError) as info:
        Address(*args)  # type: ignore[arg-type]
    assert info.value.field == field


@given(st.text(max_size=40))
def test_any_text_addresses_or_parse_error(text: str) -> None:
    """Arbitrary text gives addresses or a ParseError inside the text."""
    assert_reads_or_refuses(parse_addresses, text)


# The street expression as one regular expression: the plain reference that the linear
# scanner of the module must agree with (it took quadratic time on long cells).
_REFERENCE_STREET = re.compile(
    r"(?P<prefix>(?:ul\.|al\.|pl\.|os\.|ulica|aleja|plac|osiedle))\s*"
    r"(?P<name>(?:[0-9]{1,2}\s+)?[^0-9\s,][^0-9,]*?)\s+"
    r"(?P<number>[0-9]+[a-zA-Z]?(?:/[0-9]+[a-zA-Z]?)?)(?![\w-])",
    re.IGNORECASE,
)
_PIECES = ["ul.", "UL.", "al.", "ulica", "plac", "os.", " ", "  ", "3", "12", "123", "Maja",
           "5", "5a", "5/7", "5-", "-", "x", "Długa", "42-600", "ó", "/", "a", "ul.5", "_"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
def test_streets_match_the_regular_expression(text: str) -> None:
    """The linear scanner finds exactly the streets the one expression finds."""
    cleaned = _clean(text)
    expected = [(m.start(), m.end(), m["prefix"], m["name"], m["number"])
                for m in _REFERENCE_STREET.finditer(cleaned)]
    assert [(s.start, s.end, s.prefix, s.name, s.number) for s in _streets(cleaned)] == expected


def test_other_scripts_digits_are_refused() -> None:
    """'ul. Długa ٥ ٤٢-٦٠٠' is not an address: the documents write digits 0-9."""
    with pytest.raises(ParseError, match="another script") as info:
        parse_addresses("ul. Długa 5 ٤٢-٦٠٠ Tarnowskie Góry")
    assert info.value.position == 12
