"""A comparison as one self-contained HTML file: tables, a chart, a map, sources.

Nothing is fetched when the file opens: the chart and the map are inline SVG drawn here
(places projected equirectangularly at the region's mid latitude), the style is inline.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Mapping, Sequence

from caravan.analysis.comparison.compare import ComparisonResult
from caravan.analysis.comparison.records import CountryPairChange, PairChange
from caravan.analysis.freight.comparison import crossing_loads_html
from caravan.analysis.trade_response import TradeResponse
from caravan.model import Assumption, Source

__all__ = ["comparison_report_html"]

_STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:70rem;padding:1rem 1.5rem;
color:#1b1b1b}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.9rem}
th,td{border:1px solid #ccc;padding:.2rem .45rem;text-align:left;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f2f2f2}
caption{text-align:left;font-weight:600;padding:.3rem 0}.gain{color:#0a6b2d}.loss{color:#a4161a}
figure{margin:1rem 0}figcaption{font-size:.9rem;color:#444}.note{color:#444;font-size:.9rem}
svg text{font:11px system-ui,sans-serif}
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _num(value: float | None, digits: int = 1, signed: bool = False) -> str:
    if value is None or not math.isfinite(value):
        return "–"
    text = f"{value:+,.{digits}f}" if signed else f"{value:,.{digits}f}"
    return text.replace("-", "−")


def _table(caption: str, headers: Sequence[str], rows: Iterable[Sequence[str]], cls: str) -> str:
    head = "".join(f'<th scope="col">{_e(h)}</th>' for h in headers)
    body = "".join("<tr>" + "".join(rows_cell for rows_cell in row) + "</tr>" for row in rows)
    return (
        f'<table class="{cls}"><caption>{_e(caption)}</caption><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table>"
    )


def _td(value: object, numeric: bool = False) -> str:
    return f'<td class="n">{_e(value)}</td>' if numeric else f"<td>{_e(value)}</td>"


def _trade_response(response: TradeResponse | None) -> str:
    """The trade response section: ranges per country pair and in total, and the method."""
    if response is None:
        return ""
    total = response.total_change_usd
    share = response.total_change_pct
    rows = [
        [
            _td(" – ".join(p.countries).upper()),
            _td(_num(p.trade_usd / 1e9, 2), True),
            _td(_num(p.time_change_days, 2, True), True),
            _td(_num(p.cost_change_usd, 0, True), True),
            _td(_num(p.change_pct.low, 2, True), True),
            _td(_num(p.change_pct.typical, 2, True), True),
            _td(_num(p.change_pct.high, 2, True), True),
            _td(_num(p.change_usd.low / 1e6, 0, True), True),
            _td(_num(p.change_usd.typical / 1e6, 0, True), True),
            _td(_num(p.change_usd.high / 1e6, 0, True), True),
        ]
        for p in response.pairs
    ]
    return "".join(
        [
            '<h2 id="trade-response">Trade response (partial equilibrium)</h2>',
            f"<p>China's trade with the five in {_e(response.year or '–')} "
            f"({_num(response.total_trade_usd / 1e9, 1)} bn USD) would change by "
            f"<strong>{_num(total.typical / 1e9, 2, True)} bn USD</strong> "
            f"({_num(share.typical, 2, True)} %), range {_num(total.low / 1e9, 2, True)} to "
            f"{_num(total.high / 1e9, 2, True)} bn USD ({_num(share.low, 2, True)} % to "
            f"{_num(share.high, 2, True)} %).</p>",
            f'<p class="note">{_e(response.method)}</p>',
            _table(
                "Change in trade by country pair (b − a)",
                (
                    "countries",
                    "trade USD bn",
                    "Δ days",
                    "Δ USD/unit",
                    "low %",
                    "typical %",
                    "high %",
                    "low USD m",
                    "typical USD m",
                    "high USD m",
                ),
                rows,
                "trade-response",
            ),
            "".join(f'<p class="note">{_e(n)}</p>' for n in response.notes),
        ]
    )


def _country_rows(rows: Sequence[CountryPairChange]) -> list[list[str]]:
    return [
        [
            _td(" – ".join(r.countries).upper()),
            _td(r.pairs, True),
            _td(_num(r.mean_time_change_h, 1, True), True),
            _td(_num(r.mean_time_change_pct, 1, True), True),
            _td(_num(r.mean_cost_change_usd, 0, True), True),
            _td(_num(r.mean_length_change_km, 0, True), True),
            _td(r.lost_pairs, True),
            _td(r.gained_pairs, True),
            _td(_num(r.trade_usd / 1e9 if r.trade_usd else None, 2), True),
            _td(_num(100 * r.trade_share if r.trade_share else None, 1), True),
        ]
        for r in rows
        if r.pairs or r.lost_pairs or r.gained_pairs
    ]


def _pair_rows(pairs: Sequence[PairChange]) -> list[list[str]]:
    return [
        [
            _td(f"{p.origin_name} → {p.destination_name}"),
            _td(_num(p.length_km_a, 0), True),
            _td(_num(p.length_km_b, 0), True),
            _td(_num(p.time_h_a / 24 if p.time_h_a is not None else None, 1), True),
            _td(_num(p.time_h_b / 24 if p.time_h_b is not None else None, 1), True),
            _td(_num(p.time_change_h, 1, True), True),
            _td(_num(p.cost_change_usd, 0, True), True),
            _td(", ".join(p.crossings_a) or "–"),
            _td(", ".join(p.crossings_b) or "–"),
            _td(p.route_change or "same"),
        ]
        for p in pairs
    ]


_PAIR_HEADERS = (
    "pair",
    "km (a)",
    "km (b)",
    "days (a)",
    "days (b)",
    "Δ hours",
    "Δ USD",
    "crossings (a)",
    "crossings (b)",
    "route change",
)


def _chart(rows: Sequence[CountryPairChange]) -> str:
    """Horizontal bars: mean time change of China's country pairs, hours."""
    bars = [r for r in rows if "cn" in r.countries and r.mean_time_change_h is not None]
    if not bars:
        return '<p class="note">No country pair with China is reached on both sides.</p>'
    width, row_h, left = 640, 26, 90
    height = row_h * len(bars) + 40
    largest = max(abs(r.mean_time_change_h or 0.0) for r in bars) or 1.0
    middle = left + (width - left - 20) / 2
    scale = (width - left - 20) / 2 / largest
    parts = [
        f'<svg id="chart" role="img" aria-labelledby="chart-title" viewBox="0 0 {width} '
        f'{height}" width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">',
        '<title id="chart-title">Mean change in time by country pair with China, hours</title>',
        f'<line x1="{middle}" y1="10" x2="{middle}" y2="{height - 20}" stroke="#888"/>',
    ]
    for k, row in enumerate(bars):
        value = row.mean_time_change_h or 0.0
        y = 14 + k * row_h
        x = middle + min(0.0, value) * scale
        colour = "#0a6b2d" if value < 0 else "#a4161a"
        label = " – ".join(row.countries).upper()
        parts.append(f'<text x="4" y="{y + 13}">{_e(label)}</text>')
        parts.append(
            f'<rect class="bar" x="{x:.1f}" y="{y}" width="{max(abs(value) * scale, 1):.1f}" '
            f'height="{row_h - 8}" fill="{colour}"><title>{_e(label)}: '
            f"{_num(value, 1, True)} h</title></rect>"
        )
        parts.append(
            f'<text x="{width - 4}" y="{y + 13}" text-anchor="end">{_num(value, 1, True)} h</text>'
        )
    parts.append(
        f'<text x="{middle}" y="{height - 4}" text-anchor="middle">← faster · slower →</text>'
    )
    parts.append("</svg>")
    return "".join(parts)


def _map(result: ComparisonResult) -> str:
    """Inline SVG map: places, links and crossings that changed, and changed routes."""
    coordinates = result.coordinates
    summary = result.summary
    if not coordinates:
        return ""
    lons = [c[0] for c in coordinates.values()]
    lats = [c[1] for c in coordinates.values()]
    west, east, south, north = min(lons) - 1, max(lons) + 1, min(lats) - 1, max(lats) + 1
    squeeze = math.cos(math.radians((south + north) / 2))
    width = 900
    height = round(width * (north - south) / ((east - west) * squeeze))

    def xy(place: str) -> tuple[float, float] | None:
        if place not in coordinates:
            return None
        lon, lat = coordinates[place]
        return (lon - west) / (east - west) * width, (north - lat) / (north - south) * height

    def polyline(places: Sequence[str], style: str, label: str) -> str:
        points = [p for p in (xy(q) for q in places) if p is not None]
        if len(points) < 2:
            return ""
        text = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        return (
            f'<polyline points="{text}" fill="none" {style}><title>{_e(label)}</title></polyline>'
        )

    parts = [
        f'<svg id="map" role="img" aria-labelledby="map-title" viewBox="0 0 {width} {height}" '
        f'width="100%" xmlns="http://www.w3.org/2000/svg" style="background:#f4f7fa">',
        '<title id="map-title">Map of the routes and network elements that changed</title>',
    ]
    for element in summary.elements[:80]:
        colour = "#0a6b2d" if element.change > 0 else "#a4161a"
        thickness = 1 + 4 * min(abs(element.change), 2000) / 2000
        parts.append(
            polyline(
                (element.from_id, element.to_id),
                f'class="element" stroke="{colour}" stroke-width="{thickness:.1f}" opacity="0.6"',
                f"{element.id}: {element.routes_a} → {element.routes_b} best routes",
            )
        )
    for path in summary.paths:
        style = (
            'class="route route-a" stroke="#6c757d" stroke-width="1.5" stroke-dasharray="5 4"'
            if path.side == "a"
            else 'class="route route-b" stroke="#1d4ed8" stroke-width="2.5"'
        )
        parts.append(
            polyline(
                path.places,
                style,
                f"{path.origin} → {path.destination} ({path.side}): {path.length_km:,.0f} km, "
                f"{path.time_h / 24:.1f} days",
            )
        )
    for place, _ in coordinates.items():
        point = xy(place)
        if point:
            parts.append(
                f'<circle cx="{point[0]:.1f}" cy="{point[1]:.1f}" r="2" fill="#333">'
                f"<title>{_e(place)}</title></circle>"
            )
    parts.append("</svg>")
    return "".join(parts)


def _sources(ids: Sequence[str], citations: Mapping[str, Source | Assumption]) -> str:
    items = []
    for source_id in ids:
        record = citations.get(source_id)
        if isinstance(record, Source):
            date = f", {record.published_on.isoformat()}" if record.published_on else ""
            items.append(
                f'<li id="{_e(source_id)}"><a href="{_e(record.url)}">{_e(record.title)}</a>, '
                f"{_e(record.publisher)}{_e(date)} <code>{_e(source_id)}</code></li>"
            )
        elif isinstance(record, Assumption):
            items.append(
                f'<li id="{_e(source_id)}">Assumption: {_e(record.subject)}: '
                f"{_e(record.reasoning)} <code>{_e(source_id)}</code></li>"
            )
        else:
            items.append(f"<li><code>{_e(source_id)}</code></li>")
    return "<ol>" + "".join(items) + "</ol>"


def comparison_report_html(
    result: ComparisonResult, citations: Mapping[str, Source | Assumption] | None = None
) -> str:
    """The comparison as a self-contained HTML document (no network needed to open it)."""
    summary, citations = result.summary, citations or {}
    weighted = summary.trade_weighted
    title = f"caravan comparison: {summary.a.name} → {summary.b.name}"
    body = [
        f"<h1>{_e(title)}</h1>",
        f"<p><strong>a</strong> = {_e(summary.a.name)} ({_e(summary.a.date)}): "
        f"{_e(summary.a.description)}<br><strong>b</strong> = {_e(summary.b.name)} "
        f"({_e(summary.b.date)}): {_e(summary.b.description)}</p>",
        f"<p>{summary.places} places, {summary.pairs_changed:,} ordered pairs change in time, "
        f"cost or distance; {summary.route_changes_total:,} pairs of cities and ports change "
        f"crossing or mode; {summary.lost_total:,} lose every route; {summary.gained_total:,} "
        f"gain one. Best routes minimise {_e(summary.weight)} cost.</p>",
        "<h2>Trade-weighted change, China and the five</h2>",
        f"<p>Weighted by China's customs' trade in {_e(weighted.year or '–')}: "
        f"<strong>{_num(weighted.time_change_h, 1, True)} h</strong> "
        f"({_num(weighted.time_change_pct, 1, True)} %) in time, "
        f"<strong>{_num(weighted.cost_change_usd, 0, True)} USD</strong> "
        f"({_num(weighted.cost_change_pct, 1, True)} %) in cost per unit.</p>",
        "<figure><figcaption>Mean change in time, country pairs with China (hours)"
        f"</figcaption>{_chart(summary.country_pairs)}</figure>",
        _table(
            "Country pairs: mean change over pairs of cities and ports (b − a)",
            (
                "countries",
                "pairs",
                "Δ hours",
                "Δ time %",
                "Δ USD",
                "Δ km",
                "lost",
                "gained",
                "trade USD bn",
                "weight %",
            ),
            _country_rows(summary.country_pairs),
            "country-pairs",
        ),
        _trade_response(summary.trade_response),
        crossing_loads_html(summary.crossing_loads),
        "<h2>Map of the routes that changed</h2>",
        '<p class="note">Blue: best routes in b; grey dashed: the same pairs in a. Green '
        "and red lines: links and crossings gaining or losing best routes.</p>",
        f"<figure>{_map(result)}</figure>",
        "<h2>Pairs that gain most</h2>",
        _table("Largest time gains", _PAIR_HEADERS, _pair_rows(summary.top_gains[:20]), "gains"),
        "<h2>Pairs whose best route changes crossing or mode</h2>",
        _table(
            f"{summary.route_changes_total} pairs (first {min(summary.route_changes_total, 50)})",
            _PAIR_HEADERS,
            _pair_rows(summary.route_changes),
            "route-changes",
        ),
        "<h2>Links and crossings that gain or lose routes</h2>",
        _table(
            "Best routes of all ordered pairs of places passing each element",
            ("element", "kind", "routes (a)", "routes (b)", "change"),
            [
                [
                    _td(e.id),
                    _td(e.kind),
                    _td(e.routes_a, True),
                    _td(e.routes_b, True),
                    _td(_num(e.change, 0, True), True),
                ]
                for e in summary.elements[:60]
            ],
            "elements",
        ),
        "<h2>Pairs that lose every route</h2>",
        _table(f"{summary.lost_total} pairs", _PAIR_HEADERS, _pair_rows(summary.lost), "lost")
        if summary.lost_total
        else "<p>None.</p>",
    ]
    for project in summary.projects:
        body.append(f"<h2>{_e(project.name)} (<code>{_e(project.project_id)}</code>)</h2>")
        side = "b" if project.opened_in == "b" else "a"
        body.append(
            f"<p>In service in {side} only. China → Uzbekistan, Kyrgyzstan, Turkmenistan and "
            f"beyond, by {_e(project.mode or 'any mode')}:</p>"
        )
        body.append(_table("Corridor", _PAIR_HEADERS, _pair_rows(project.corridor), "corridor"))
        if project.claims:
            body.append(
                _table(
                    "Published claims beside the model",
                    (
                        "claim",
                        "scope",
                        "model pair",
                        "claimed",
                        "modelled",
                        "gap",
                        "why",
                        "sources",
                    ),
                    [
                        [
                            _td(c.claim),
                            _td(c.scope),
                            _td(f"{c.origin} → {c.destination}"),
                            _td(f"{c.claimed_low:,.0f}–{c.claimed_high:,.0f}", True),
                            _td(_num(c.modelled, 1), True),
                            _td(c.gap),
                            _td(c.explanation),
                            "<td>"
                            + ", ".join(f'<a href="#{_e(s)}">{_e(s)}</a>' for s in c.sources)
                            + "</td>",
                        ]
                        for c in project.claims
                    ],
                    "claims",
                )
            )
        else:
            body.append(
                "<p>No published claim of distance or time saved is recorded for this project "
                "(<code>project_claims.csv</code>).</p>"
            )
    body.append("<h2>How to read this</h2><ul>")
    body.extend(f"<li>{_e(note)}</li>" for note in summary.notes)
    body.append("</ul><h2>Sources</h2>")
    body.append(_sources(summary.sources, citations))
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{_STYLE}</style></head><body><main>"
        + "".join(body)
        + "</main></body></html>"
    )
