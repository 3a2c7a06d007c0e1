"""The web observatory's files: our page and the few registry files it uses, all local."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

__all__ = ["VENDOR_FILES", "mount_api_docs", "mount_web", "node_modules"]

STATIC = Path(__file__).resolve().parent.parent / "web" / "static"

#: The files of npm packages the page loads, served under /vendor/<package>/<file>. Only
#: these: the rest of each package (package.json, sources, other builds) is not served.
VENDOR_FILES = {
    "leaflet": ("dist/leaflet.js", "dist/leaflet.css"),
    "topojson-client": ("dist/topojson-client.min.js",),
    "chart.js": ("dist/chart.umd.js",),
    "world-atlas": ("countries-110m.json", "countries-50m.json"),
    "swagger-ui-dist": ("swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png"),
}

#: The interactive API docs' assets, served from npm's swagger-ui-dist (never a CDN).
SWAGGER_JS_URL = "/vendor/swagger-ui-dist/swagger-ui-bundle.js"
SWAGGER_CSS_URL = "/vendor/swagger-ui-dist/swagger-ui.css"
SWAGGER_FAVICON_URL = "/vendor/swagger-ui-dist/favicon-32x32.png"


def node_modules() -> Path | None:
    """The node_modules folder installed by the setup command (searched upwards)."""
    for parent in Path(__file__).resolve().parents:
        candidate = parent / "node_modules"
        if (candidate / "leaflet").is_dir():
            return candidate
    return None


def mount_web(app: FastAPI) -> None:
    """Serve the page at /, its own files at /static and each listed vendor file at /vendor."""
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    modules = node_modules()
    if modules is not None:
        for package, files in VENDOR_FILES.items():
            for name in files:
                path = modules / package / name
                if path.is_file():
                    app.add_api_route(
                        f"/vendor/{package}/{name}",
                        _serve_file(path),
                        methods=["GET", "HEAD"],
                        include_in_schema=False,
                    )

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")


def _serve_file(path: Path) -> Callable[[], FileResponse]:
    """An endpoint that answers with one file (anything not routed is a 404 problem)."""

    def endpoint() -> FileResponse:
        return FileResponse(path)

    return endpoint


def mount_api_docs(app: FastAPI, path: str, openapi_url: str) -> None:
    """The interactive API docs (Swagger UI) at ``path``, with its assets from /vendor."""

    @app.get(path, include_in_schema=False)
    def api_docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=openapi_url,
            title=f"{app.title} API",
            swagger_js_url=SWAGGER_JS_URL,
            swagger_css_url=SWAGGER_CSS_URL,
            swagger_favicon_url=SWAGGER_FAVICON_URL,
            # No online validator badge: it would send the document to swagger.io.
            swagger_ui_parameters={"validatorUrl": None},
        )
