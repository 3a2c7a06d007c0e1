"""The candidate speed of container block trains on China's network, and its comparison.

China publishes no route speed of China–Central Asia container trains on its network; one
report gives China Railway Express trains a daily run of 1,300 km
(``src-time-cncao-crexpress-2017``). ``validate_routes.py`` scores the shipped structure by
leave-one-out on the train cases with China's rail timed as shipped (CAREC CPMM's speed
without delay plus the fitted stops) and with China's block trains at that figure (the row
below added to a copy of ``rail_block_speeds.csv``); the least mean error is shipped.
"""

from __future__ import annotations

import csv
from pathlib import Path

from timemodel_fit import CvScore, variant_rows

__all__ = ["CHINA_ROW", "LABELS", "SHIPPED_CHINA", "china_lines", "with_china_speed"]

#: 1,300 km a day / 24 h = 54.2 km/h; the report gives no best figure, so none is set.
CHINA_ROW = {
    "country_id": "cn",
    "speed_kph": "54.2",
    "best_speed_kph": "",
    "valid_from": "2017-06-20",
    "source": "src-time-cncao-crexpress-2017",
    "note": "candidate only: China Railway Express trains run 1,300 km a day on average",
}

LABELS = {
    "cpmm": "China's rail at CAREC CPMM's speed without delay plus the fitted stops",
    "published": "China's block trains at 1,300 km a day (China Net, 2017), no stops added",
}

#: The variant shipped in the data (the least mean LOO error, ``validation.md``).
SHIPPED_CHINA = "cpmm"


def with_china_speed(data: Path) -> None:
    """Add the candidate row for China to a copy of the data's block-train speeds."""
    path = data / "rail_block_speeds.csv"
    with path.open(encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        fields = list(reader.fieldnames or [])
        rows = [row for row in reader if row["country_id"] != "cn"]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows([*rows, CHINA_ROW])


def china_lines(scores: dict[str, CvScore], cases: int) -> list[str]:
    """The shipped structure's LOO errors with China's rail timed each way, as Markdown."""
    chosen = min(scores, key=lambda name: (round(scores[name].mean_abs, 1), name != SHIPPED_CHINA))
    lines = [
        "China's rail under block trains, by leave-one-out on the same "
        f"{cases} train cases (the shipped structure, its parameters refitted in each):",
        "",
        "| China's rail | mean abs. | median abs. | worst | values on train |",
        "|---|---|---|---|---|",
    ]
    lines += variant_rows(scores, LABELS, chosen, SHIPPED_CHINA)
    return lines
