"""The web observatory's files: our page and the registry packages it uses, all local."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

__all__ = ["VENDOR_FILES", "mount_web", "node_modules"]

STATIC = Path(__file__).resolve().parent.parent / "web" / "static"

#: Files of npm packages the page loads, served under /vendor/<package>/<file>.
VENDOR_FILES = {
    "leaflet": ("dist/leaflet.js", "dist/leaflet.css"),
    "topojson-client": ("dist/topojson-client.min.js",),
    "chart.js": ("dist/chart.umd.js",),
    "world-atlas": ("countries-50m.json", "countries-10m.json"),
}


def node_modules() -> Path | None:
    """The node_modules folder installed by the setup command (searched upwards)."""
    for parent in Path(__file__).resolve().parents:
        candidate = parent / "node_modules"
        if (candidate / "leaflet").is_dir():
            return candidate
    return None


def mount_web(app: FastAPI) -> None:
    """Serve the page at /, its own files at /static and the npm packages at /vendor."""
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    modules = node_modules()
    if modules is not None:
        for package in VENDOR_FILES:
            app.mount(
                f"/vendor/{package}",
                StaticFiles(directory=modules / package),
                name=f"vendor-{package}",
            )

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")
