"""docs/api.md: every public module documented once, under a heading with its sentence."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _public_modules() -> set[str]:
    src = ROOT / "src"
    return {
        ".".join(path.relative_to(src).with_suffix("").parts)
        for path in (src / "opsreform").rglob("*.py")
        if not any(part.startswith("_") for part in path.relative_to(src).parts)
    }


def test_every_public_module_is_in_the_api_reference() -> None:
    """Each module without a leading underscore has exactly one `::: module` block."""
    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^::: (\S+)$", text, flags=re.MULTILINE)
    assert sorted(blocks) == sorted(set(blocks))
    assert set(blocks) == _public_modules()


def test_each_group_says_what_it_holds() -> None:
    """Every `##` group opens with a sentence before its first module."""
    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    groups = re.split(r"^## ", text, flags=re.MULTILINE)[1:]
    assert len(groups) >= 8
    for group in groups:
        heading, _, body = group.partition("\n")
        intro = body.split(":::")[0].strip()
        assert intro.endswith("."), heading
        assert ":::" in body, heading


def test_doctest_examples_render_as_code() -> None:
    """The mkdocs hook fences `>>>` runs and shows Sphinx roles as code, fences untouched."""
    import importlib.util

    import markdown

    spec = importlib.util.spec_from_file_location(
        "mkdocs_doctest_hook", ROOT / "scripts" / "mkdocs_doctest_hook.py")
    assert spec is not None and spec.loader is not None
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    source = ("Amounts of :data:`opsreform.ureg`.\n\n>>> f(['a'])\n['1', '1.1']\n"
              "<Quantity(1, 'PLN')>\n\nAfter.\n\n```python\n>>> kept\n```\n")
    html = markdown.markdown(source, extensions=["fenced_code", hook._DoctestExtension()])
    assert "<code>opsreform.ureg</code>" in html
    assert ('<pre><code class="language-pycon">&gt;&gt;&gt; f([\'a\'])\n[\'1\', \'1.1\']\n'
            "&lt;Quantity(1, 'PLN')&gt;\n</code></pre>") in html
    assert '<code class="language-python">&gt;&gt;&gt; kept\n</code>' in html
    assert "<p>After.</p>" in html
