"""The public surface of opsreform is exactly ``__all__``."""

import opsreform


def test_all_is_sorted_and_complete() -> None:
    """Every public name of the package is in __all__, sorted, and importable."""
    public = {name for name in dir(opsreform) if not name.startswith("_")}
    modules = {name for name in public if type(getattr(opsreform, name)).__name__ == "module"}
    assert set(opsreform.__all__) - {"__version__"} == public - modules
    assert list(opsreform.__all__) == sorted(opsreform.__all__)


def test_every_public_name_has_a_docstring() -> None:
    """Each exported class and function documents itself."""
    for name in opsreform.__all__:
        obj = getattr(opsreform, name)
        if callable(obj):
            assert obj.__doc__, name
