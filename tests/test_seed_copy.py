"""The bundled copy of the source documents is the source, byte for byte."""

from __future__ import annotations

import pytest

from tests.conftest import SEEDS, SHARED_SEEDS


def test_bundled_copy_holds_all_five_documents() -> None:
    names = sorted(p.name for p in SEEDS.glob("*.txt"))
    assert len(names) == 5
    assert (SEEDS / "README.md").is_file()


@pytest.mark.skipif(not SHARED_SEEDS.is_dir(), reason="../shared/seeds is not beside this clone")
def test_bundled_copy_equals_the_shared_source() -> None:
    for source in sorted(SHARED_SEEDS.iterdir()):
        assert (SEEDS / source.name).read_bytes() == source.read_bytes(), source.name
