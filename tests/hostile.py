"""Hostile project files: broken copies of the bundled examples, made deterministically.

:func:`cases` derives thousands of mutated project files (and session tables) from
``examples/*.toml`` and ``examples/tables/*``: deleted keys and lines, values of the
wrong type, huge, negative and impossible numbers and dates, digits of other scripts,
deep nesting, table files in other encodings or binary, malformed rows, and paths that
try to leave the project's folder. The same seed gives the same cases.

:func:`workspace` lays out a folder for them: ``case/`` holds the projects and a copy of
the example tables (with a symbolic link, a folder and a FIFO among them), and a file
outside ``case/`` holds a secret that no error message may ever show.
"""

from __future__ import annotations

import os
import random
import re
from collections.abc import Iterator
from pathlib import Path

import attrs

from tests.conftest import EXAMPLES

SECRET = "OUTSIDE_SECRET_7f3a9c"
"""A marker in every file outside the project's folder; no message may contain it."""

SECRET_TEXT = (f"{SECRET}\n_PASSWORD=hunter2-{SECRET}\n"
               f"| 1 | SUPERWIZJA | {SECRET} | 08.00 - 11.00 | ul. Długa 1 |\n")

# Values put in place of any value of the examples (TOML snippets).
HOSTILE_VALUES = [
    '""', '" "', '"x"', '"-"', "true", "0", "-1", "1.5", "nan", "inf", "-inf",
    "1000000000000000000", "-9223372036854775808", "9" * 4400, "[]", '[1, "2"]', '[7, "8"]',
    "[{a = 1}]", "{a = 1}", "[[]]", '["x", ["y"]]', "1979-05-27", "1979-05-27T07:32:00",
    "07:32:00", "0001-01-01", "9999-12-31", '"01.01.0001"', '"31.12.9999"',
    '"2018 – 9999"', '"1000 – 9999"', '"01.01.1000 – 31.12.9999"', '"٢٢.٠٥.٢٠١٨"',
    '"२२.०५.२०१८"', '"22.05.2018"', '"lipiec 2018"', '"08.00 - 11.00"', '"99:99 - 00:00"',
    '"٠٨.٠٠ - ١١.٠٠"', '"١٢ 000,00 zł"', '"1000 %"', '"-5 %"', '"150 %"', '"٥٠ %"',
    r'"\u0000"', r'"a\u0000b"', '"' + "x" * 100_000 + '"', '"' + "ul. Długa " * 4000 + '"',
    '"../../etc/passwd"', '"1/0"', '"0/0"', '"1e308"', '"NaN"', '"1' + "0" * 5000 + '"',
    '"' + "9" * 5000 + ' zł"', '"hour * 0"', '"__class__"', '"1 + 1"', '"meter"', '"(("',
    '"lesson_hour ** 99999"', '"%"', '"-1"', '"0"', '"-0,5"', '"1000000 etatów"',
    '"ul. ١ Długa ٥ ٤٢-٦٠٠ Tarnowskie Góry"', '"ul. 3 Maja 5 42-600 X"', '"\t\n"',
    '"training"', '"supervision"', '"study-visit"', '"eu"', '"nobody"', '"2018-05-07"',
    '"superwizja"', '"3-1"', '"sienkiewicza-8"', '"szkolenia"', '["superwizor", "nobody"]',
    '["nowhere"]', "100000", "10001", "-24", "2147483648", '"poniedziałek, 29 maja 2018"',
    '"29.02.2019"', '"od 01.01.2018"', '"2018 – 2017"', '"24.10 – 29.10"',
]

# Cells put in place of any cell of a session table.
HOSTILE_CELLS = [
    "", " ", "x", "0", "-1", "99999999999999999999", "9" * 5000, "٢٢.٠٥.٢٠١٨", "٣",
    "22.05.0001", "31.12.9999", "31.02.2018", "08.00 - 07.00", "25.00 - 26.00",
    "٠٨.٠٠ - ١١.٠٠", "ul.", "ul. " * 3000, "SUPERWIZJA " * 2000, "<b>", "|", ";", '"',
    "\u0000", "\ufeff", "SZKOLENIE cz.٢", "SUPERWIZJA cz.99999999999999999999",
    "22.05.2018 – 23.05.2018", "1.", "١", "training",
]

HOSTILE_PATHS = [
    "{secret}", "../secret.txt", "tables/../../secret.txt", "tables/link.md", "/proc/self/environ",
    "/dev/zero", "/dev/null", "/etc/passwd", "tables", "tables/dir", "tables/fifo",
    "tables/missing.md", r"tables/a\u0000b.md", "", "~/.bashrc", "tables/" + "x" * 5000,
    "//etc/passwd", "file:///etc/passwd", "tables/link-dir/secret.txt", "..", ".",
    "tables/./../../secret.txt", "C:\\\\Windows\\\\win.ini", "\\\\\\\\server\\\\share\\\\x.md",
]

ENCODINGS = ["cp1250", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "latin-1", "cp852",
             "utf-8-sig", "iso-8859-2", "mac-roman"]


@attrs.frozen
class Case:
    """One hostile project: its file's bytes and the table files it adds.

    Attributes:
        name: What was done, for the failure report (``tarnowskie-gory:value:84``).
        project: The bytes of the project file.
        tables: Table files to write, by path relative to the case folder.

    """

    name: str
    project: bytes
    tables: dict[str, bytes] = attrs.field(factory=dict)


def _examples() -> list[tuple[str, str]]:
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.glob("*.toml"))]


def _table_texts() -> list[tuple[str, str]]:
    return [(p.name, p.read_text(encoding="utf-8"))
            for p in sorted((EXAMPLES / "tables").iterdir())]


_ASSIGN = re.compile(r"^(\s*[\w\"-]+\s*=\s*)(.*)$")
_FILE = re.compile(r'^(\s*file\s*=\s*)"[^"]*"', re.MULTILINE)

# A table block any example can take, so that table mutations reach every project.
_TABLE_BLOCK = ('\n[[tables]]\nid = "hostile"\nkind = "supervision"\n'
                'file = "{file}"\n')


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _with_table(text: str, file: str) -> str:
    """The project with a table of ``file``: its first table's file, or a new table."""
    escaped = file.replace("\\", "\\\\").replace('"', '\\"')
    if _FILE.search(text):
        return _FILE.sub(lambda m: f'{m.group(1)}"{escaped}"', text, count=1)
    return text.rstrip("\n") + "\n" + _TABLE_BLOCK.format(file=escaped)


def _raw_path(text: str, raw: str) -> str:
    """The project with its table's ``file`` written as the TOML string body ``raw``."""
    if _FILE.search(text):
        return _FILE.sub(lambda m: f'{m.group(1)}"{raw}"', text, count=1)
    return text.rstrip("\n") + "\n" + _TABLE_BLOCK.format(file=raw)


def _value_cases(rng: random.Random, name: str, text: str, n: int) -> Iterator[Case]:
    lines = _lines(text)
    assigned = [i for i, line in enumerate(lines) if _ASSIGN.match(line)
                and not line.lstrip().startswith("#")]
    for k in range(n):
        i = rng.choice(assigned)
        value = HOSTILE_VALUES[k % len(HOSTILE_VALUES)] if k < len(HOSTILE_VALUES) else (
            rng.choice(HOSTILE_VALUES))
        match = _ASSIGN.match(lines[i])
        assert match is not None
        changed = [*lines[:i], match.group(1) + value, *lines[i + 1:]]
        yield Case(f"{name}:value:{i + 1}:{value[:20]}", "\n".join(changed).encode())


def _key_cases(rng: random.Random, name: str, text: str, per_key: int) -> Iterator[Case]:
    """Each key name of the example (its first line) given ``per_key`` hostile values."""
    lines = _lines(text)
    first: dict[str, int] = {}
    for i, line in enumerate(lines):
        match = _ASSIGN.match(line)
        if match and not line.lstrip().startswith("#"):
            first.setdefault(match.group(1).split("=")[0].strip(), i)
    for key, i in sorted(first.items()):
        match = _ASSIGN.match(lines[i])
        assert match is not None
        for value in rng.sample(HOSTILE_VALUES, per_key):
            changed = [*lines[:i], match.group(1) + value, *lines[i + 1:]]
            yield Case(f"{name}:key:{key}:{value[:20]}", "\n".join(changed).encode())


# An inline session every example can take; each case gives one of its keys a hostile
# value (or adds a key), so that sessions written inline are mutated in every project.
_SESSION = {"id": '"hostile-1"', "kind": '"supervision"', "title": '"SUPERWIZJA"',
            "date": '"22.05.2018"', "slots": '"08.00 - 11.00"', "headcount": "12",
            "groups": '["pracownicy socjalni"]', "part": "1", "status": '"planned"',
            "note": '"x"'}
_SESSION_EXTRA = ["period", "venues", "address", "places", "leaders", "attendees", "activity",
                  "contract", "table", "number"]


def _session_cases(rng: random.Random, name: str, text: str, n: int) -> Iterator[Case]:
    keys = [*_SESSION, *_SESSION_EXTRA]
    for k in range(n):
        session = dict(_SESSION)
        key = keys[k % len(keys)]
        session[key] = rng.choice(HOSTILE_VALUES)
        if key == "period":
            del session["date"]
        block = "\n[[sessions]]\n" + "".join(f"{k} = {v}\n" for k, v in session.items())
        copies = 2 if k % 7 == 0 else 1  # the same id twice
        yield Case(f"{name}:session:{key}:{session[key][:20]}",
                   (text.rstrip("\n") + "\n" + block * copies).encode())


def _deletion_cases(rng: random.Random, name: str, text: str, n: int) -> Iterator[Case]:
    lines = _lines(text)
    candidates = [i for i, line in enumerate(lines) if line.strip()
                  and not line.lstrip().startswith("#")]
    for _ in range(n):
        count = rng.choice([1, 1, 1, 2, 5])
        start = rng.choice(candidates)
        changed = lines[:start] + lines[start + count:]
        yield Case(f"{name}:delete:{start + 1}+{count}", "\n".join(changed).encode())


def _structure_cases(rng: random.Random, name: str, text: str, n: int) -> Iterator[Case]:
    lines = _lines(text)
    headers = [i for i, line in enumerate(lines) if line.lstrip().startswith("[")]
    for k in range(n):
        i = rng.choice(headers)
        end = next((j for j in headers if j > i), len(lines))
        block = lines[i:end]
        how = k % 5
        if how == 0:  # a block twice: duplicate ids
            changed = lines[:end] + block + lines[end:]
        elif how == 1:  # an unknown header
            changed = [*lines[:i], lines[i].replace("[", "[x", 1), *lines[i + 1:]]
        elif how == 2:  # a block without its header: its keys join the one before
            changed = lines[:i] + lines[i + 1:]
        elif how == 3:  # an array of tables made a plain table (or back)
            header = lines[i]
            header = header.replace("[[", "[").replace("]]", "]") if "[[" in header else (
                header.replace("[", "[[", 1).replace("]", "]]", 1))
            changed = [*lines[:i], header, *lines[i + 1:]]
        else:  # a block moved to the end
            changed = lines[:i] + lines[end:] + block
        yield Case(f"{name}:structure:{how}:{i + 1}", "\n".join(changed).encode())


def _text_cases(rng: random.Random, name: str, text: str) -> Iterator[Case]:
    data = text.encode()
    for encoding in ENCODINGS:
        try:
            yield Case(f"{name}:project-encoding:{encoding}", text.encode(encoding))
        except UnicodeEncodeError:
            yield Case(f"{name}:project-encoding:{encoding}",
                       text.encode(encoding, errors="replace"))
    for k in range(8):
        cut = rng.randrange(len(data))
        yield Case(f"{name}:truncate:{cut}", data[:cut])
        flipped = bytearray(data)
        for _ in range(k + 1):
            flipped[rng.randrange(len(flipped))] = rng.randrange(256)
        yield Case(f"{name}:flip:{k}", bytes(flipped))
    yield Case(f"{name}:nul", data.replace(b"\n", b"\n\x00", 1))
    yield Case(f"{name}:binary", rng.randbytes(4096))
    yield Case(f"{name}:empty", b"")
    yield Case(f"{name}:crlf", data.replace(b"\n", b"\r\n"))
    yield Case(f"{name}:cr", data.replace(b"\n", b"\r"))
    for depth in (100, 1000, 3000):
        yield Case(f"{name}:deep-array:{depth}",
                   data + b"\ndeep = " + b"[" * depth + b"]" * depth + b"\n")
        yield Case(f"{name}:deep-table:{depth}",
                   data + b"\ndeep = " + b"{a = " * depth + b"1" + b"}" * depth + b"\n")
    yield Case(f"{name}:deep-headers", data + b"\n[" + b".".join([b"a"] * 3000) + b"]\n")
    yield Case(f"{name}:huge-int", data + b"\nhuge = " + b"9" * 4400 + b"\n")
    yield Case(f"{name}:many-keys",
               data + b"\n" + b"".join(b"k%d = 1\n" % i for i in range(3000)))


def _path_cases(name: str, text: str, secret: str) -> Iterator[Case]:
    for path in HOSTILE_PATHS:
        raw = path.replace("{secret}", secret.replace("\\", "\\\\"))
        yield Case(f"{name}:path:{path[:30]}", _raw_path(text, raw).encode())


def _rows(text: str) -> list[str]:
    return _lines(text)


def _table_cases(rng: random.Random, name: str, text: str, tables: list[tuple[str, str]],
                 n: int, counter: Iterator[int]) -> Iterator[Case]:
    for k in range(n):
        table_name, table_text = tables[k % len(tables)]
        lines = _rows(table_text)
        rows = [i for i, line in enumerate(lines) if line.startswith("|")]
        how = k % 9
        data: bytes
        suffix = ".md"
        if how == 0:  # another encoding
            encoding = ENCODINGS[(k // 9) % len(ENCODINGS)]
            data = table_text.encode(encoding, errors="replace")
        elif how == 1:  # what Polish Excel writes: CSV in Windows-1250 with ';'
            csv_lines = [";".join(c.strip() for c in line.strip("|").split("|"))
                         for line in lines
                         if line.startswith("|") and not set(line) <= set("|-: ")]
            encoding = ["cp1250", "utf-8-sig", "utf-16"][(k // 9) % 3]
            data = "\r\n".join(csv_lines).encode(encoding)
            suffix = ".csv"
        elif how == 2:  # binary
            data = rng.randbytes(rng.choice([16, 1000, 20000]))
        elif how in (3, 4, 5):  # one cell made hostile
            i = rng.choice(rows)
            cells = lines[i].strip().strip("|").split("|")
            j = rng.randrange(len(cells))
            cells[j] = f" {rng.choice(HOSTILE_CELLS)} "
            changed = [*lines[:i], "|" + "|".join(cells) + "|", *lines[i + 1:]]
            data = "\n".join(changed).encode()
        elif how == 6:  # a cell dropped or added
            i = rng.choice(rows)
            cells = lines[i].strip().strip("|").split("|")
            cells = cells[:-1] if rng.random() < 0.5 else [*cells, " x "]
            changed = [*lines[:i], "|" + "|".join(cells) + "|", *lines[i + 1:]]
            data = "\n".join(changed).encode()
        elif how == 7:  # rows repeated (duplicate numbers) or many rows
            i = rng.choice(rows[2:] or rows)
            # (Many copies of one row clash pairwise: 120 give 7 140 double bookings.)
            copies = rng.choice([1, 2, 120])
            changed = lines[:i + 1] + [lines[i]] * copies + lines[i + 1:]
            data = "\n".join(changed).encode()
        else:  # the header made strange
            i = rows[0]
            header = lines[i].replace("Data", rng.choice(["", "Dата", "Data Data", "Lp."]))
            changed = [*lines[:i], header, *lines[i + 1:]]
            data = "\n".join(changed).encode()
        file = f"tables/m-{next(counter)}{suffix}"
        yield Case(f"{name}:table:{how}:{table_name}", _with_table(text, file).encode(),
                   {file: data})


def cases(seed: int = 2018, *, secret: str = "/tmp/secret.txt", scale: int = 1
          ) -> Iterator[Case]:
    """Yield the hostile cases derived from every example.

    Args:
        seed: The seed of every random choice; the same seed gives the same cases.
        secret: The absolute path of the file outside the folder (for absolute paths).
        scale: Multiplies the number of cases of each kind.

    """
    tables = _table_texts()
    counter = iter(range(1, 10**9))
    for index, (name, text) in enumerate(_examples()):
        rng = random.Random(seed * 1000 + index)
        yield from _value_cases(rng, name, text, 160 * scale)
        yield from _key_cases(rng, name, text, 6 * scale)
        yield from _session_cases(rng, name, text, 120 * scale)
        yield from _deletion_cases(rng, name, text, 60 * scale)
        yield from _structure_cases(rng, name, text, 40 * scale)
        yield from _text_cases(rng, name, text)
        yield from _path_cases(name, text, secret)
        yield from _table_cases(rng, name, text, tables, 90 * scale, counter)


def workspace(root: Path) -> tuple[Path, Path]:
    """Lay out ``root/case`` (tables, a link out, a folder, a FIFO) and the secret outside.

    Returns:
        The case folder and the secret file.

    """
    case = root / "case"
    tables = case / "tables"
    tables.mkdir(parents=True)
    for path in (EXAMPLES / "tables").iterdir():
        (tables / path.name).write_bytes(path.read_bytes())
    secret = root / "secret.txt"
    secret.write_text(SECRET_TEXT, encoding="utf-8")
    (tables / "link.md").symlink_to(Path("..") / ".." / "secret.txt")
    (tables / "link-dir").symlink_to(Path("..") / "..")
    (tables / "dir").mkdir()
    os.mkfifo(tables / "fifo")
    return case, secret
