"""The site's own copy of Vega, and the compilation of the book's charts, both from vl-convert-python.

Charts are stored in the notebooks as Vega-Lite (what Altair writes and JupyterLab draws). When
the book is built, each is compiled into a Vega specification (:func:`compile_spec`) with the
Vega-Lite version the site names (``clusterlab_vegalite_version``), so pages need Vega alone:
one JavaScript file (:func:`write_bundle`) that sets ``window.vega``, 0.59 MB instead of the
0.92 MB of Vega + Vega-Lite + vega-embed (bench/README.md). No chart on the website loads
anything from another host.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

SCHEMA_RE = re.compile(r"/vega-lite/v(\d+)\.(\d+)(?:\.(\d+))?\.json$")


#: Bumped when the bundle's own code (the snippet below) changes, so that cached bundles are rebuilt.
BUNDLE_REVISION = "r2"


class VegaVersionError(RuntimeError):
    """A chart asks for a Vega-Lite version that the site does not carry."""


def spec_version(spec: dict) -> tuple[int, int]:
    """(major, minor) of the Vega-Lite version named by a spec's ``$schema``."""
    schema = spec.get("$schema", "")
    match = SCHEMA_RE.search(schema)
    if not match:
        raise VegaVersionError(f"The chart has no Vega-Lite $schema the site can check (found {schema!r}).")
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


def _shipped(carried: str) -> str:
    """``"major.minor"`` of ``carried`` if vl-convert-python ships that Vega-Lite, else raise."""
    import vl_convert

    major, minor = parse_version(carried)
    available = vl_convert.get_vegalite_versions()
    if f"{major}.{minor}" not in available:
        raise VegaVersionError(
            f"vl-convert-python {getattr(vl_convert, '__version__', '')} does not ship Vega-Lite "
            f"{major}.{minor}; it ships {', '.join(available)}."
        )
    return f"{major}.{minor}"


def compile_spec(spec: dict, carried: str) -> dict:
    """The Vega specification of a Vega-Lite ``spec`` (checked against ``carried`` first)."""
    import vl_convert

    check_spec(spec, carried)
    return vl_convert.vegalite_to_vega(spec, vl_version=_shipped(carried))


def _vega_module() -> str:
    """The path under which vl-convert-python stores its copy of Vega (an ES module).

    vl-convert's bundler resolves the names ``vega``, ``vegaLite`` and ``vegaEmbed`` only to its
    default bundle; importing its Vega module by path gives a bundle of Vega alone. The path (with
    a content hash) is read from vl-convert's own library, so it follows the pinned version.
    """
    import mmap

    import vl_convert

    version = vl_convert.get_vega_version().encode()
    pattern = re.compile(rb"/-/vega@v" + re.escape(version) + rb"-[A-Za-z0-9]+/dist=[a-z0-9=,]+/optimized/vega\.js")
    for library in Path(vl_convert.__file__).parent.glob("*.so"):
        with library.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
            match = pattern.search(data)
            if match:
                return match.group().decode()
    raise VegaVersionError(f"vl-convert-python does not hold the Vega {version.decode()} module the site bundles.")


def bundle_name(carried: str) -> str:
    import vl_convert

    _shipped(carried)
    return f"vega-{vl_convert.get_vega_version()}-{BUNDLE_REVISION}.js"


def write_bundle(carried: str, folder: Path) -> Path:
    """Write the Vega bundle that goes with Vega-Lite ``carried`` into ``folder`` (cached by name); return it."""
    import vl_convert

    version = _shipped(carried)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / bundle_name(carried)
    if not path.exists():
        # Vega alone: Vega-Lite and vega-embed are left out of the bundle
        # ... and it says when it is ready: the chart script may run first (both load asynchronously)
        snippet = (
            f'import * as vegaModule from "{_vega_module()}";\nwindow.vega = vegaModule;\n'
            'window.dispatchEvent(new Event("clusterlab:vega-ready"));\n'
        )
        code = vl_convert.javascript_bundle(snippet, vl_version=version)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(code, encoding="utf-8")
        tmp.replace(path)
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
