"""The icons the pages show, drawn without Font Awesome's web fonts (bookbuild/static/icons.css).

The theme draws its icons with Font Awesome's web fonts: a reader downloaded 274 kB of fonts (gzip) for
the twenty icons of the header, sidebars and admonitions, and the theme's stylesheet carried the rules of
some two thousand icons. The site draws the icons it uses as CSS masks instead (the icon's SVG path,
from the theme's own copy of Font Awesome Free, in a ``data:`` URL painted in the text's colour), and the
build removes Font Awesome's ``@font-face`` rules and icon rules from the theme's stylesheets
(:func:`trim_stylesheet`, at the end of each edition's build), so no page asks for the fonts.

    python -m bookbuild.icons     # write bookbuild/static/icons.css again (after a theme upgrade)

Font Awesome Free's icons are under CC BY 4.0 (the attribution is at the top of icons.css).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import quote

HERE = Path(__file__).parent
ICONS_CSS = HERE / "static" / "icons.css"

#: Font Awesome's name → the pack it comes from, for every icon a page shows (the theme's header
#: buttons, sidebars, navigation and admonitions; `tests/test_bench.py` checks that no page shows
#: another one).
USED = {
    "angle-down": "solid",
    "angle-left": "solid",
    "angle-right": "solid",
    "arrow-up": "solid",
    "bars": "solid",
    "chevron-down": "solid",
    "circle-half-stroke": "solid",
    "download": "solid",
    "expand": "solid",
    "file": "solid",
    "file-pdf": "solid",
    "language": "solid",
    "list": "solid",
    "magnifying-glass": "solid",
    "moon": "solid",
    "outdent": "solid",
    "rocket": "solid",
    "sun": "solid",
    "github": "brands",
    # admonitions (the theme's icon for each kind) and exercises
    "bell": "solid",
    "circle-info": "solid",
    "circle-exclamation": "solid",
    "triangle-exclamation": "solid",
    "circle-xmark": "solid",
    "lightbulb": "solid",
    "share": "solid",
    "pencil": "solid",
    "arrow-up-right-from-square": "solid",
}

#: Admonition kind (its class) → icon, as the theme's stylesheet sets them.
ADMONITIONS = {
    "attention": "circle-exclamation",
    "caution": "triangle-exclamation",
    "warning": "triangle-exclamation",
    "danger": "triangle-exclamation",
    "error": "circle-xmark",
    "hint": "lightbulb",
    "tip": "lightbulb",
    "important": "circle-exclamation",
    "note": "circle-info",
    "seealso": "share",
    "admonition-todo": "pencil",
}


def _theme_fontawesome() -> str:
    import pydata_sphinx_theme

    path = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static" / "scripts"
    return (path / "fontawesome.js").read_text(encoding="utf-8")


def icon_paths(script: str) -> dict[str, dict[str, tuple[int, int, str]]]:
    """{pack: {icon name: (width, height, SVG path)}} for the packs of Font Awesome's script."""
    packs: dict[str, dict[str, tuple[int, int, str]]] = {}
    # each pack is an object literal `var p={name:[w,h,[aliases],"unicode","path"],…}` closed by d("fas",p)
    for body, prefix in re.findall(r"var p=\{(.*?)\};.*?d\(\"(fa[bsr])\",p\)", script, re.S):
        pack = {"fas": "solid", "far": "regular", "fab": "brands"}[prefix]
        icons = packs.setdefault(pack, {})
        for name, w, h, path in re.findall(
            r'(?:^|,)"?([a-z0-9-]+)"?:\[(\d+),(\d+),\[[^\]]*\],"[0-9a-f]+","([^"]+)"\]', body
        ):
            icons[name] = (int(w), int(h), path)
    return packs


def data_url(width: int, height: int, path: str) -> str:
    svg = f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {width} {height}'><path d='{path}'/></svg>"
    return 'url("data:image/svg+xml,' + quote(svg, safe=" '=/:,.-") + '")'


HEADER = """/* Icons of the pages, drawn as CSS masks in the text's colour instead of Font Awesome's web fonts
   (bookbuild/icons.py writes this file: python -m bookbuild.icons). The icons are Font Awesome Free's
   (Font Awesome Free by Fonticons, Inc., https://fontawesome.com, icons under CC BY 4.0). */
"""

RULES = """
/* every Font Awesome element (i.fa-solid, span.fas, i.fab…) draws its icon as a mask */
:is(.fa, .fa-solid, .fas, .fa-regular, .far, .fa-brands, .fab)::before {
  content: "";
  display: inline-block;
  width: calc(var(--cl-icon-width, 1) * 1em);
  height: 1em;
  vertical-align: -0.125em;
  background-color: currentColor;
  -webkit-mask: var(--cl-icon) center / contain no-repeat;
  mask: var(--cl-icon) center / contain no-repeat;
}

/* admonitions: the theme's icon for each kind, in its colour (each kind's rule, below, is as
   specific as the theme's) */
.admonition > .admonition-title::after,
div.admonition > .admonition-title::after {
  content: "";
  height: 1.5em; /* the title's line, where the theme's glyph sat: the icon is centred on it */
  height: 1lh;
  background-color: currentColor;
  -webkit-mask: var(--cl-admonition-icon, var(--cl-icon-bell)) center / auto 1em no-repeat;
  mask: var(--cl-admonition-icon, var(--cl-icon-bell)) center / auto 1em no-repeat;
}
div.exercise p.admonition-title::after {
  content: "";
}
div.exercise p.admonition-title {
  --cl-admonition-icon: var(--cl-icon-pencil);
}
div.solution p.admonition-title::after {
  content: none;
}

/* the folded "on this page" heading of the secondary sidebar */
.bd-sidebar-secondary.hide:not(:hover) .onthispage::after {
  content: "";
  display: inline-block;
  width: 0.875em;
  height: 1em;
  vertical-align: -0.125em;
  background-color: currentColor;
  -webkit-mask: var(--cl-icon-angle-down) center / contain no-repeat;
  mask: var(--cl-icon-angle-down) center / contain no-repeat;
}

/* links the theme marks with an icon (downloads, external links in the sidebar) */
a.reference.download::before,
.nav-link.nav-external::after,
nav.bd-links li > a.reference.external::after {
  content: "";
  display: inline-block;
  width: 1em;
  height: 1em;
  vertical-align: -0.125em;
  background-color: currentColor;
  -webkit-mask: var(--cl-link-icon) center / contain no-repeat;
  mask: var(--cl-link-icon) center / contain no-repeat;
}
a.reference.download {
  --cl-link-icon: var(--cl-icon-download);
}
.nav-link.nav-external,
nav.bd-links li > a.reference.external {
  --cl-link-icon: var(--cl-icon-arrow-up-right-from-square);
}
"""


def stylesheet(packs: dict[str, dict[str, tuple[int, int, str]]]) -> str:
    variables, classes = [], []
    for name, pack in USED.items():
        width, height, path = packs[pack][name]
        variables.append(f"  --cl-icon-{name}: {data_url(width, height, path)};")
        ratio = f"{width / height:.4g}"
        classes.append(f".fa-{name} {{\n  --cl-icon: var(--cl-icon-{name});\n  --cl-icon-width: {ratio};\n}}")
    admonitions = [
        f".admonition.{kind} > .admonition-title::after,\ndiv.admonition.{kind} > .admonition-title::after {{\n"
        f'  content: "";\n  --cl-admonition-icon: var(--cl-icon-{icon});\n}}'
        for kind, icon in ADMONITIONS.items()
    ]
    return (
        HEADER
        + ":root {\n"
        + "\n".join(variables)
        + "\n}\n\n"
        + "\n".join(classes)
        + "\n"
        + RULES
        + "\n"
        + "\n".join(admonitions)
        + "\n"
    )


FONT_FACE = re.compile(r"@font-face\{[^{}]*Font Awesome[^{}]*\}")
#: Font Awesome's icon rules: `.fa-bars:before{content:"\f0c9"}`, several selectors at times.
ICON_RULE = re.compile(r"(?<=[}\s])(?:\.fa-[a-z0-9-]+:before,?)+\{content:\"[^\"]*\"\}")


def trim_stylesheet(css: str) -> str:
    """The theme's stylesheet less Font Awesome's web fonts and its rules for each icon."""
    return ICON_RULE.sub("", FONT_FACE.sub("", css))


def trim_theme(static: Path) -> None:
    """Trim the theme's stylesheets in a built edition's ``_static`` and drop the fonts they no longer name."""
    for name in ("styles/pydata-sphinx-theme.css", "styles/sphinx-book-theme.css"):
        path = static / name
        if path.exists():
            path.write_text(trim_stylesheet(path.read_text(encoding="utf-8")), encoding="utf-8")
            source_map = path.with_name(path.name + ".map")
            source_map.unlink(missing_ok=True)  # maps the untrimmed file
    # the fonts, and the script that turned the same icons into SVG (which no page loads: layout.html)
    shutil.rmtree(static / "vendor" / "fontawesome", ignore_errors=True)
    for path in (static / "scripts").glob("fontawesome.js*"):
        path.unlink()


def main() -> None:
    ICONS_CSS.write_text(stylesheet(icon_paths(_theme_fontawesome())), encoding="utf-8")
    print(f"wrote {ICONS_CSS.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
