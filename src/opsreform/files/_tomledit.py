"""Edit a TOML document as written so that it says new data, changing only what differs.

Three trees are walked together: the document as written (tomlkit keeps its comments,
blank lines, key order and spellings), the canonical data of what it said (*old*), and
the canonical data of what it must now say (*new*). Canonical data is what the writer
makes of a value (``"05.08.2014"`` for a date, however it was written), so where old
and new agree the meaning is unchanged and the document is left exactly as written
("5 sierpnia 2014 r." stays). Where they differ, only the differing keys are rewritten,
in the canonical form. Elements of arrays of tables are matched by their id (else by
their content), so an edited element is edited in place, a new one inserted where it
stands and a removed one removed.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from difflib import SequenceMatcher
from typing import Any

import attrs
import tomlkit
from tomlkit.container import Container, OutOfOrderTableProxy
from tomlkit.items import (
    AbstractTable,
    AoT,
    Array,
    Comment,
    InlineTable,
    Item,
    Null,
    Table,
    Whitespace,
)

__all__ = ["Rules", "merge"]

_MISSING: Any = object()

KeyPath = tuple[str, ...]
"""Where a value sits: its keys from the root, ``*`` for any element of an array."""

TableLike = Container | AbstractTable | OutOfOrderTableProxy


@attrs.frozen
class Rules:
    """What the merge must know of the format beyond plain TOML.

    Attributes:
        aliases: For a key (by path), the other keys that say the same thing and must
            go when it is written (a session's ``address`` when ``venues`` is written).
        whole: Tables (by path) whose keys are data, not names (``days_in_lieu`` has
            dates as keys, in any spelling): a change rewrites them whole.
        indent: The indentation of a new array of tables nested in an element of
            another one (``[[activities.items]]``), when the document shows none.

    """

    aliases: Mapping[KeyPath, tuple[str, ...]] = attrs.field(factory=dict)
    whole: frozenset[KeyPath] = frozenset()
    indent: str = "  "


def merge(doc: TableLike, old: Mapping[str, Any], new: Mapping[str, Any], rules: Rules,
          ) -> None:
    """Edit ``doc``, which says ``old``, so that it says ``new``.

    Args:
        doc: The parsed document (or a table of it), edited in place.
        old: The canonical data of what ``doc`` says now.
        new: The canonical data it must say.
        rules: Aliases and tables rewritten whole.

    """
    _merge_table(doc, old, new, (), rules)


def _merge_table(doc: TableLike, old: Mapping[str, Any], new: Mapping[str, Any], path: KeyPath,
                 rules: Rules) -> None:
    keys = list(new) + [k for k in old if k not in new]
    for key in keys:
        before, after = old.get(key, _MISSING), new.get(key, _MISSING)
        if before == after:
            continue  # same meaning: the document keeps what it says, as it says it
        where = (*path, key)
        if after is _MISSING:
            _remove(doc, key, where, rules)
            continue
        if before is not _MISSING and key in doc:
            current = doc[key]
            if (isinstance(before, dict) and isinstance(after, dict)
                    and isinstance(current, AbstractTable | OutOfOrderTableProxy)
                    and where not in rules.whole):
                _merge_table(current, before, after, where, rules)
                if isinstance(current, Table) and not len(current) and current.is_super_table():
                    # An emptied table that only held others has no header of its own
                    # and would vanish: it is known to be empty, so it must show.
                    del doc[key]
                    doc[key] = tomlkit.table()
                continue
            if (_is_tables(before) and _is_tables(after)
                    and isinstance(current, AoT | Array) and len(current) == len(before)):
                _merge_list(doc, key, current, before, after, (*where, "*"), rules)
                continue
        _set(doc, key, after, rules)
        for alias in rules.aliases.get(where, ()):
            if alias in doc:
                del doc[alias]


def _is_tables(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _remove(doc: TableLike, key: str, where: KeyPath, rules: Rules) -> None:
    for name in (key, *rules.aliases.get(where, ())):
        if name in doc:
            current = doc[name]
            if isinstance(current, AoT) and len(current):
                _carry_comments(_take_trailing_comments(current[-1]), doc, name)
            elif not isinstance(current, Table | OutOfOrderTableProxy):
                _drop_comments_above(doc, name)
            del doc[name]


def _drop_comments_above(doc: TableLike, name: str) -> None:
    """Remove the comment lines right above a removed key: they spoke of it.

    Not those that open the table or the file (they speak of all of it), nor those set
    off from the key by a blank line.
    """
    container = doc if isinstance(doc, Container) else (
        doc.value if isinstance(doc, Table) else None)
    if container is None:
        return
    body = container.body
    index = next((n for n, (k, _v) in enumerate(body) if k is not None and k.key == name),
                 None)
    if index is None:
        return
    first = index
    while first > 0 and body[first - 1][0] is None and isinstance(body[first - 1][1], Comment):
        first -= 1
    if first == 0:
        return
    for n in range(first, index):
        # tomlkit marks removed entries with Null, keeping the indices its map holds.
        body[n] = (None, Null())


def _set(doc: TableLike, key: str, value: Any, rules: Rules) -> None:
    """Write ``key = value`` in the canonical form, in place when the key is there."""
    if key in doc:
        current = doc[key]
        was_table = isinstance(current, Table | AoT | OutOfOrderTableProxy)
        if was_table or isinstance(value, dict) or _is_tables(value):
            # A [table] cannot stand where a plain key was (the keys after it would
            # become its keys), nor the reverse: write it afresh where TOML allows it.
            if not was_table and not isinstance(doc, InlineTable):
                doc[key] = _inline(value)
                return
            del doc[key]
        else:
            doc[key] = value  # tomlkit keeps the key's place and its comment
            return
    if isinstance(doc, InlineTable):
        doc[key] = _inline(value)
        return
    item = tomlkit.item(value)
    if isinstance(item, Table | AoT):
        indent = ""
        if isinstance(doc, Table) and doc.is_aot_element():
            indent = _header_indent(doc) + (rules.indent if isinstance(item, AoT) else "")
        _format_new(item, indent, rules.indent)
    doc[key] = item


def _inline(value: Any) -> Any:
    if isinstance(value, dict):
        table = tomlkit.inline_table()
        for key, item in value.items():
            table[key] = _inline(item)
        return table
    if isinstance(value, list):
        array = tomlkit.array()
        array.extend(_inline(v) for v in value)
        return array
    return value


# --------------------------------------------------------------------------- arrays


def _key(element: Mapping[str, Any]) -> tuple[Any, ...]:
    """What identifies an element across edits: its id, else its table and number."""
    if "id" in element:
        return ("id", element["id"])
    if "table" in element and "number" in element:
        return ("number", element["table"], element["number"])
    return ("content", json.dumps(element, sort_keys=True, ensure_ascii=False, default=str))


def align(old: Sequence[Any], new: Sequence[Any],
          key: Callable[[Any], Any]) -> list[tuple[int | None, int | None]]:
    """Pair the elements of two sequences: (i, j) kept or edited, (i, None), (None, j).

    Elements with equal keys are paired in order; where a run of keys is replaced by
    another, elements identified by their content alone are paired one to one (an
    element edited in place), others are removed and added.
    """
    old_keys, new_keys = [key(x) for x in old], [key(x) for x in new]
    if old_keys == new_keys:
        return [(i, i) for i in range(len(old))]
    pairs: list[tuple[int | None, int | None]] = []
    matcher = SequenceMatcher(None, old_keys, new_keys, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs.extend(zip(range(i1, i2), range(j1, j2), strict=True))
            continue
        paired = 0
        if tag == "replace":
            while (paired < min(i2 - i1, j2 - j1)
                   and _by_content(old_keys[i1 + paired])
                   and _by_content(new_keys[j1 + paired])):
                pairs.append((i1 + paired, j1 + paired))
                paired += 1
        pairs.extend((i, None) for i in range(i1 + paired, i2))
        pairs.extend((None, j) for j in range(j1 + paired, j2))
    return pairs


def _by_content(key: Any) -> bool:
    return isinstance(key, tuple) and bool(key) and key[0] == "content"


def _merge_list(parent: TableLike, name: str, items: AoT | Array, old: list[Any],
                new: list[Any], path: KeyPath, rules: Rules) -> None:
    pairs = align(old, new, _key)
    for i, j in pairs:
        if i is not None and j is not None and old[i] != new[j]:
            _merge_table(items[i], old[i], new[j], path, rules)
    if not new:
        _remove(parent, name, path[:-1], rules)
        return
    for i in sorted((i for i, j in pairs if j is None and i is not None), reverse=True):
        _delete_element(items, i)
    # The kept elements are now in their final order; the new ones go in between.
    for position, (i, j) in enumerate(pair for pair in pairs if pair[1] is not None):
        if i is None:
            assert j is not None
            _insert_element(items, position, new[j], rules)


def _delete_element(items: AoT | Array, index: int) -> None:
    if isinstance(items, Array):
        del items[index]
        return
    carried = _take_trailing_comments(items[index])
    del items[index]
    if not carried:
        return
    if index > 0:
        _put_trailing_comments(items[index - 1], carried)
    elif len(items):
        # The comments stood above the next element's header: they stay above it.
        text = "".join(c.as_string() for c in carried if isinstance(c, Comment))
        items[0].trivia.indent = text + items[0].trivia.indent


def _last_table(table: Table) -> Table:
    """The table whose body ends what ``table`` renders (its last nested element)."""
    while table.value.body and isinstance(table.value.body[-1][1], AoT | Table):
        child = table.value.body[-1][1]
        if isinstance(child, AoT) and not len(child):
            break
        table = child[-1] if isinstance(child, AoT) else child
    return table


def _take_trailing_comments(table: Table) -> list[Item]:
    """Remove and return the comments after an element's last key, set off by a blank line.

    tomlkit keeps a comment that stands above a header in the body of the table before
    it; such a comment speaks of what follows, so it outlives the element it sits in
    and stays above what follows when elements are added. Returned with the blank line
    before it; the element is left ending with a blank line.
    """
    body = _last_table(table).value.body
    start = len(body)
    while start > 0 and body[start - 1][0] is None and isinstance(
            body[start - 1][1], Comment | Whitespace):
        start -= 1
    tail = [item for _key, item in body[start:]]
    if not tail or not _is_blank(tail[0]) or not any(isinstance(t, Comment) for t in tail):
        return []
    del body[start + 1:]
    return tail


def _put_trailing_comments(table: Table, comments: list[Item]) -> None:
    body = _last_table(table).value.body
    while body and body[-1][0] is None and isinstance(body[-1][1], Whitespace):
        body.pop()
    body.extend((None, item) for item in comments)


def _is_blank(item: Item) -> bool:
    return isinstance(item, Whitespace) and "\n" in item.s


def _carry_comments(carried: list[Item], parent: TableLike, name: str) -> None:
    """Keep the trailing comments of a removed array where it stood, if it ended its table.

    Elsewhere they would land above the wrong header, so there they go with it.
    """
    if not carried or not isinstance(parent, Table):
        return
    body = parent.value.body
    if body and body[-1][0] is not None and body[-1][0].key == name:
        body.extend((None, item) for item in carried)


def _insert_element(items: AoT | Array, index: int, value: dict[str, Any],
                    rules: Rules) -> None:
    if isinstance(items, Array):
        items.insert(index, _inline(value))
        return
    table = tomlkit.item(value)
    assert isinstance(table, Table)
    indent = _header_indent(items[max(index - 1, 0)]) if len(items) else rules.indent
    _format_new(table, indent, rules.indent, element=True)
    # Each element ends with the blank line before what follows it; a surplus one at
    # the end of the file is trimmed by the writer.
    _blank_line_after(table)
    if index > 0:
        previous = items[index - 1]
        carried = _take_trailing_comments(previous) if index == len(items) else []
        _blank_line_after(previous)
        if carried:
            _put_trailing_comments(table, carried)
    items.insert(index, table)


def _header_indent(table: Table) -> str:
    indent = table.trivia.indent
    return indent[indent.rfind("\n") + 1:]


def _format_new(item: Table | AoT, indent: str, step: str = "  ", *,
                element: bool = False) -> None:
    """Lay out a new table (and the tables in it) like the document's own.

    Headers and keys take ``indent``; the elements of an array of tables nested in an
    element of another are indented one ``step`` more (``[[activities.items]]``); a
    blank line sets each table apart from what comes before and after it.
    """
    tables = list(item) if isinstance(item, AoT) else [item]
    for table in tables:
        if not isinstance(table, Table):
            continue
        table.trivia.indent = indent
        after_keys = False
        for _key, value in table.value.body:
            if isinstance(value, AoT | Table):
                nested = element or isinstance(item, AoT)
                deeper = indent + step if isinstance(value, AoT) and nested else indent
                _format_new(value, deeper, step, element=isinstance(value, AoT))
                first = value[0] if isinstance(value, AoT) else value
                if after_keys and isinstance(first, Table):
                    first.trivia.indent = "\n" + first.trivia.indent
                after_keys = False
            elif not isinstance(value, Whitespace):
                value.trivia.indent = indent
                after_keys = True
        _blank_line_after(table)


def _blank_line_after(table: Table) -> None:
    """Make sure a blank line follows ``table`` (after every table nested in it)."""
    last = _last_table(table)
    if not last.as_string().endswith("\n\n"):
        last.value.body.append((None, Whitespace("\n")))
