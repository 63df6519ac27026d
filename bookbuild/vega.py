"""The site's own copy of Vega, Vega-Lite and vega-embed, taken from the vl-convert-python package.

One JavaScript file is written per Vega-Lite version: it sets ``window.vegaEmbed``,
``window.vega`` and ``window.vegaLite``. No chart on the website loads anything from
another host.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

SCHEMA_RE = re.compile(r"/vega-lite/v(\d+)\.(\d+)(?:\.(\d+))?\.json$")


class VegaVersionError(RuntimeError):
    """A chart asks for a Vega-Lite version that the site does not carry."""


def spec_version(spec: dict) -> tuple[int, int]:
    """(major, minor) of the Vega-Lite version named by a spec's ``$schema``."""
    schema = spec.get("$schema", "")
    match = SCHEMA_RE.search(schema)
    if not match:
        raise VegaVersionError(
            f"The chart has no Vega-Lite $schema the site can check (found {schema!r})."
        )
    return int(match.group(1)), int(match.group(2))


def parse_version(text: str) -> tuple[int, int]:
    """(major, minor) from a version string such as ``"5.20"`` or ``"v5.20.1"``."""
    match = re.fullmatch(r"v?(\d+)\.(\d+)(?:\.\d+)?", str(text).strip())
    if not match:
        raise VegaVersionError(f"Not a Vega-Lite version: {text!r} (expected for example '5.20').")
    return int(match.group(1)), int(match.group(2))


def check_spec(spec: dict, carried: str) -> None:
    """Raise :class:`VegaVersionError` unless the site's Vega-Lite (``carried``) fits the spec."""
    wanted = spec_version(spec)
    have = parse_version(carried)
    if wanted != have:
        raise VegaVersionError(
            f"A chart was made for Vega-Lite {wanted[0]}.{wanted[1]} but the site carries "
            f"Vega-Lite {have[0]}.{have[1]}. Set `clusterlab_vegalite_version` in _config.yml to "
            f"'{wanted[0]}.{wanted[1]}' (if vl-convert-python ships it) or re-execute the notebooks "
            "with the Altair version pinned in requirements.txt (make notebooks)."
        )


def bundle_name(carried: str) -> str:
    major, minor = parse_version(carried)
    import vl_convert

    tag = f"vl{major}.{minor}-vega{vl_convert.get_vega_version()}-embed{vl_convert.get_vega_embed_version()}"
    return f"vega-bundle-{tag}.js"


def write_bundle(carried: str, folder: Path) -> Path:
    """Write the bundle for Vega-Lite ``carried`` into ``folder`` (cached by name) and return it."""
    import vl_convert

    major, minor = parse_version(carried)
    available = vl_convert.get_vegalite_versions()
    if f"{major}.{minor}" not in available:
        raise VegaVersionError(
            f"vl-convert-python {getattr(vl_convert, '__version__', '')} does not ship Vega-Lite "
            f"{major}.{minor}; it ships {', '.join(available)}."
        )
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / bundle_name(carried)
    if not path.exists():
        code = vl_convert.javascript_bundle(vl_version=f"{major}.{minor}")
        tmp = path.with_suffix(".tmp")
        tmp.write_text(code, encoding="utf-8")
        tmp.replace(path)
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
