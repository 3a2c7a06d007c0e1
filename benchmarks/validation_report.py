"""Write the validation of modelled routes against published figures as Markdown.

Used by ``validate_routes.py``: errors by kind and split, the held-out errors against the
issue's goal by batch (each labelled with the choice it was seen before), the structure's
and the rail service's cross-validation on the train cases, and every case.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from typing import Any

from timemodel_fit import CvScore, choose

from caravan.network.timemodel import FITTED, TIME_ASSUMPTIONS

#: The issue's goal on held-out cases: (label, kinds, median limit %, worst limit % or None).
GOALS = (
    ("rail times", ("rail_transit_time_h",), 15.0, 40.0),
    ("rail and Caspian ferry times", ("rail_ferry_transit_time_h",), 15.0, 40.0),
    ("road times", ("road_transit_time_h",), 15.0, 40.0),
    ("distances", ("rail_distance_km", "road_distance_km", "rail_ferry_distance_km"), 5.0, None),
)

#: The batches whose train cases chose the rail service and fit the parameters.
#: Published figures compared with the model's low time: a record, and a timetable or plan
#: (`benchmarks/validation_cases_rules.md`, the `statistic` column).
AGAINST_LOW = frozenset({"low", "schedule"})

CHOICE_BATCHES = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11")

#: Held-out batches reported apart, then together.
BATCHES = (
    ("batch 1 (seen before the structure was chosen)", ("1",)),
    ("batch 2 (seen before the departure wait was chosen)", ("2",)),
    ("batch 3 (unseen when the departure wait was chosen, seen before the pairing)", ("3",)),
    ("batch 4 (seen before the rail service was chosen)", ("4",)),
    ("batch 5 (seen before the rail service was chosen)", ("5",)),
    ("batch 6 (seen before the causes were read and the choice on batches 1–6)", ("6",)),
    (
        "batch 7 (added after the choice on batches 1–6, seen before the choice on batches 1–8)",
        ("7",),
    ),
    (
        "batch 8 (added after the choice on batches 1–6, seen before the choice on batches 1–8)",
        ("8",),
    ),
    ("batches 1–8 together (each seen before the choice on batches 1–8)", CHOICE_BATCHES[:8]),
    (
        "batch 9 (added after the choice on batches 1–8, seen at no choice, then before the "
        "choice on batches 1–9)",
        ("9",),
    ),
    ("batches 1–9 together (each seen before the choice on batches 1–9)", CHOICE_BATCHES[:9]),
    (
        "batch 10 (added after the choice on batches 1–9, seen at no choice, then before the "
        "choice on batches 1–10)",
        ("10",),
    ),
    ("batches 1–10 together (each seen before the choice on batches 1–10)", CHOICE_BATCHES[:10]),
    (
        "batch 11 (added after the choice on batches 1–10, seen at no choice, then before the "
        "choice on batches 1–11)",
        ("11",),
    ),
    ("batches 1–11 together (each seen before the choice on batches 1–11)", CHOICE_BATCHES),
)

#: How a batch added after the last choice is labelled (each, then together, then all).
LATER = "added after the choice on batches 1–11, seen at no choice"


def batch_groups(rows: Sequence[dict[str, Any]]) -> list[tuple[str, tuple[str, ...]]]:
    """``BATCHES``, then each later batch present, those together, and all batches."""
    present = sorted({str(r["batch"]) for r in rows}, key=int)
    later = tuple(b for b in present if b not in CHOICE_BATCHES)
    found = [*BATCHES, *((f"batch {b} ({LATER})", (b,)) for b in later)]
    if len(later) > 1:
        found.append((f"batches {later[0]}–{later[-1]} together ({LATER})", later))
    return [*found, ("all batches", tuple(present))]


HEADER = """\
# Validation: modelled routes against published figures

Produced by `python benchmarks/validate_routes.py` on the embedded data; the cases and
their sources are in `benchmarks/validation_cases.csv`. Each case is routed on the
network of its year (1 July), with the published modes and, where the source names
it, the published border crossing, minimising time. Nothing is tuned per case.

Cases are split once, in the file (`split` column, declared with each case; batch 2's
split was declared before any of its cases was routed: within each kind, its cases sorted
by id are alternately `test`, `train`, `test`, …). Only the
parameters in the table below are fitted, on the `train` cases of batches 1–11 with a
typical published time (non-negative least squares on relative errors; **batches 1–11 have
now been seen**: batches 7 and 8 were routed once after the choice on batches 1–6, batch 9
once after the choice on batches 1–8, batch 10 once after the choice on batches 1–9, batch
11 once after the choice on batches 1–10, their errors reported, and their train cases
joined the later choices below; the cases of batches 12 and later joined neither the fit
nor any choice, so that every case of them tests the shipped values); every other parameter is read from a source or a stated assumption. A published record (`statistic` = low) or timetable (`statistic` = schedule: a train's
timetabled run, by the rule in `validation_cases_rules.md`) is compared with the model's low
time, and neither takes part in the fit. Cases that are not comparable with the model (the reason is given) are
routed and listed apart, outside the fit and the summaries; so is a case whose source is also
a source of a link on its route (the model's figure there rests on the case's own page, so
the case cannot test it).

**How the time model's structure was chosen.** The candidate structures below (which
terms of a published time get a fitted parameter) were compared by leave-one-out
cross-validation on the `train` cases only (`python benchmarks/validate_routes.py --cv`,
which never routes a test case); the one with the least mean absolute LOO error is shipped.
The structure was first chosen on batch 1's 12 train cases (a dwell at both ends in
China's interior, stops outside China only); the candidates with a dwell at the origin
only, which the issue names, were added after that first comparison; when batch 2's train
cases came in, the same rule on the 15 train cases of both batches picked a dwell where a
train starts in China's interior and one stop rate. Then published departure frequencies
(`src/caravan/data/rail_services.csv`) gave a sourced wait for the next train (half a
headway where a rail leg starts at a hub with a frequency in force; nothing fitted), and
three candidates with it were added: the wait replacing the interior origin dwell, the
wait with the dwell only at interior hubs without a frequency, and the wait on top of the
dwell. On the same 15 train cases the rule chose **the wait on top of the interior origin
dwell, with one stop rate** (least mean LOO error, in the routing without the wait as in
the routing with it: see the table), and that is shipped. The table below is recomputed in each run on the train cases of
the batches of the latest choice (now batches 1–11).
The held-out cases of **batches 1 and 2** had been seen before this choice (earlier
versions of this report showed them), so they are not a clean test of it; the held-out
cases of **batch 3** (`batch` column) were added with a pre-declared split and had not
been seen when the structure was chosen. Held-out errors are given for each batch and
together.

**What a published time counts.** Published times count different things: a railway's "the
train covers it in 52 h" is the train's run from its departure, a forwarder's "15 days"
runs from the shipper's hand-over. Each time case says which (`counts_from`: `departure`,
`handover` or `unstated`, decided from the source's words by the rule in
`benchmarks/validation_cases_rules.md`; `unstated` where the column is empty). Every
itinerary carries, beside its door-to-door time, its time from departure: the same legs
without the origin's loading, formation, dwell and wait for the next train, and the
destination's unloading and release (`docs/network-model.md`). Paired, a case counted from
departure is compared with the time from departure (its low for a record) and the fit
measures its features on those legs; `handover` and `unstated` cases keep door-to-door.
The shipped structure and the two best others were scored by the same leave-one-out rule
with and without this pairing (rows marked "[paired by counts_from]" below).

**The rail service.** Batches 4 and 5's held-out rail times (median 49.5 %, worst
243.7 %) showed two failures pulling opposite ways: short Central Asian container-train runs
came out two to three times too slow, because every rail link ran at CAREC CPMM's speed
without delay for the consignments CPMM samples (mostly wagonload; Uzbekistan 13.1 km/h),
and long hauls from China's interior too fast. Since then a rail leg is timed by the
query's service (`docs/network-model.md`): a container block train at its published route
speed by country (`src/caravan/data/rail_block_speeds.csv`: Kazakhstan's service speed of
800 km a day typical and "more than 1,100 km a day" best, standing in for its neighbours;
China publishes none and runs as wagonload), or wagonload at CPMM's speed with the fitted
stops. Each case's `service` column (`block`, `wagonload`, `unstated`, from the source's
words) allows pairing each case with its service, `unstated` at the default (block).
Batches 4 and 5 had been seen when this failure was found, so this choice was made on the
train cases of batches 1–5, by the same leave-one-out rule: the shipped structure routed
with every case as wagonload (the model before), with every case as a block train (the
column ignored), and paired by the column, the origin dwell and the stop rate refitted in
each (the service table below). A first version took 1,100 km a day as Kazakhstan's
typical speed, and its comparison was seen (mean LOO error: paired 24.9 %, block 25.5 %,
wagonload 24.7 %); reading the sources again, "reaches more than 1,100 km a day" is a
best and the ministry's 800 km a day a service speed, and the data were changed to that
before the choice below, so this choice is not blind to the train cases. Batch 6 was added after that choice, its split declared before any of its cases
was routed, and seen at no choice until the reading below.

**The choice on batches 1–6.** Candidates added for the causes read on batches 1–6 were
compared by the same rule on their train cases: a time at each rail border between two of
China's neighbours (the routes on to Tashkent), a time at each break of gauge beyond CPMM's
clearance (with and without the interior origin dwell), and China's block trains at the
one published daily run found (1,300 km a day, `src-time-cncao-crexpress-2017`). None
lowered the mean LOO error of the shipped structure (a tie is settled by fewer fitted
parameters), nor did any structure paired by `counts_from`, so the structure, the service
and China's timing were unchanged; that choice was committed before any case of batches 7
and later was routed, and batches 7 and 8 were then routed once at no choice (rail 45.0 %
/ 63.6 % on batch 7's 4 held-out cases, 46.0 % on batch 8's one).

**The choice on batches 1–8.** With batches 1–8 seen, the causes named on batches 1–6 were
taken up, each as a sourced rule, not a per-case change. Data corrections (a sourced figure
replacing a stand-in, or a case routed as its source describes; not choices, made with
batches 1–8 seen):

- *A rail border without a figure.* Lugovoy–Kaindy (Kazakhstan → Kyrgyzstan) took the
  median of the rail crossings that publish a clearance (80 h in 2021, China's gauge-change
  crossings); it now takes Kazakhstan's outbound rail average over its rail crossings from
  CAREC CPMM (8.9, 11.4 and 6.8 h in 2020–2022, the figure already standing for its rail
  borders with Uzbekistan and Turkmenistan), as `border-kg-kz`. No figure of the crossing
  itself was found; CPMM's Kyrgyz inbound rail average (1.0–1.7 h) names no border.
- *Multimodal trains.* A case whose source names its sequence of modes and transfer points
  is routed leg by leg as described (`benchmarks/validation_vias.csv`, the words of the
  source or of the case's note quoted; `validation_vias.py`): lanzhou-tashkent-2020 and langfang-tashkent-2023 by rail to
  Kashgar, road to Osh, rail to Tashkent; lianyungang-tashkent-2022 by rail to Kashgar and
  road on. The sources of lanzhou-dushanbe-2026 name no transfer point, so it is routed as
  before.
- *Turkmenistan's rail.* No route speed of container trains in Turkmenistan was found in
  the sources consulted (they give transit wagons' through-times between border stations,
  several of them cases here); Kazakhstan's figures still stand in
  (`asm-time-rail-block-speed-neighbour`).

Choices (structure), compared by the leave-one-out rule on the 34 train cases of batches
1–8 (the border-rules table below): a crossing without a figure of its own or of its
border takes the median of rail crossings **of its own kind** (a break of gauge, or the
same gauge on both sides) instead of all (`caravan.network.clearance_kinds`); and block
trains take the clearance China's customs publish for China–Europe (Central Asia) freight
trains at Khorgos and Alashankou (`src/caravan/data/rail_block_clearances.csv`) instead of
CPMM's. The order of the rules and the tie rule (the sourced rule first) were set before
the first comparison; from this choice on, a tie goes to the rules shipped, then to that
order (`benchmarks/clearance_rules.choose_rules`). The stand-in by kind ties with the median of all (20.2 % each: once `border-kg-kz` is in, only
lanzhou-dushanbe-2026 among the train cases meets a same-gauge rail border without a
figure, Kara-Suu–Andijan, and its route moves by 2 h) and is shipped on the tie rule; the block trains' published clearance raised the mean LOO error (20.6 %
against 20.2 %) and is not shipped: its rows are kept with their sources. The structure,
the service and China's timing were compared again on the same train cases and are
unchanged; the origin dwell and the stop rate were refitted on them and written to the
data. This choice was committed before any case of batch 9 was seen.

**The choice on batches 1–9.** Batch 9 was routed once at no choice (rail 52.3 % / 56.9 %
on its 2 held-out cases, rail+Caspian 306.3 % / 523.3 % on 2) and then joined the choice.
A bug fix, not a choice (found with batches 1–9 seen): a trip whose first vehicle is a ship
kept the wait for that sailing in its time from departure (a ferry link's time holds half
a headway on top of the sailing); it now holds the sailing alone
(`caravan.analysis.routing.from_departure.sailed`). A correction of the report, not a
choice: the rail-service table scored the shipped service on every train case of the run
and the others on the choice's batches only; all are now scored on the choice's batches.
Data: no route speed or run time of container trains to Termez, and no route speed of
Uzbek container trains, was found in the sources consulted (they give Tashkent–Andijan in
10 h, Tashkent–Altynkol in two days, Osh–Hairatan in two days, and a passenger timetable to
Termez), so Kazakhstan's figures still stand in (`asm-time-rail-block-speed-neighbour`).
Choices, by the same rules on the 37 train cases of batches 1–9, in the order they were
made: (1) the rail service: each case at its published service (unstated at block) 23.9 %
mean LOO error against every case as a block train 24.2 % and as wagonload 24.8 % with
the structure shipped before; the rule takes the published service. (2) The structure,
recomputed with each case at its service: the sourced departure wait with one stop rate
and no interior origin dwell ties with the same plus the fitted dwell (23.9 % each; 23.93
against 23.95 unrounded), and the tie goes to fewer fitted parameters, so **the interior
origin dwell leaves the structure** (its value is now 0 h; it was fitted at 44.9 h on
batches 1–8) and the stop rate is refitted to 22.8 h per 1000 km. Under that structure the
service comparison still takes the published service (23.9 % against 24.3 % and 25.3 %),
China's timing and the border rules are unchanged, and no structure paired by
`counts_from` does better. (3) New candidate, for cases whose route has no rail (nothing
fitted: road, a sailing alone): compared with door-to-door, or with the time from
departure where the case counts from departure (`nonrail_pairing.py`); on the 8 train
cases without rail, 141.7 % mean absolute error against 88.7 %, so such cases are now
paired. This candidate was written for cause (a), seen on batch 9. Before this choice was
committed, batch 10 had been committed to the cases file and the subject line of its
commit (which names two train cases and four Caspian ferry cases, without values) was
seen; none of its rows or results was seen, and the candidate above was written before.
A year term for 2021–2023 congestion at Khorgos and Alashankou was not made a candidate:
CAREC CPMM's yearly clearances there are already in the data (58.7 h at Horgos in 2021,
34.8 h in 2022, China's national 14.0 h in 2023), and the railways' notices of 2022–2023
suspensions exempt China–Central Asia trains and give no delay for them.

**The choice on batches 1–10.** Batch 10 was routed once at no choice (rail 10.2 % on its
1 held-out case, rail+Caspian 36.7 % / 36.7 % on 3) and then joined the choice. Data
corrections, each from a source that is no case's source (not choices; made with batches
1–10 seen):

- *The Caspian sailing.* Turkmenbashi–Alat took the 9–10 h of the Turkmen ro-pax Berkarar,
  a trucks' ferry; the line's rail ferries, which carry the wagons, cross the 306 km in
  about 12 h depending on the weather (the Russian Wikipedia's article on the
  Baku–Turkmenbashi ferry line, `src-net-wiki-ru-baku-turkmenbashi-ferry`, and Trans
  Eurasia travel, already in the data), now 12 h in `ferry_services.csv`. No figure of the
  operators (ASCO, Turkmen Maritime and River Transport, KTZ Express, the ports of Aktau,
  Kuryk, Alat and Turkmenbashi) for the cargo ferries' time at sea or for the time from
  loading to departure was found in the sources consulted; Aktau–Alat (20 h) and
  Kuryk–Alat (21 h, ASCO's ro-pax Zarifa Aliyeva) are unchanged.
- *China's rail on runs to its border.* No running time or route speed of China–Central
  Asia container trains inside China was found in the sources consulted beyond the sources
  of cases (the Xi'an Railway Bureau's 52 h Xi'an–Alashankou of 2014; Khorgos on the fourth
  day of the first Lianyungang–Tashkent train, 2015) and the 1,300 km a day already a
  candidate; China State Railway Group's 120 km/h China–Europe train paths (People's Daily,
  May 2024) give a class of train's top speed, not a route speed.
- *Uzbek container trains.* No route speed, and no running time to Termez, Tashkent or
  Andijan from a source that is no case's source, was found in the sources consulted
  (Uzbekistan Railways' Tashkent–Andijan 10 h and Sergeli–Karakalpakiya 45 h are sources
  of cases); Kazakhstan's figures still stand in (`asm-time-rail-block-speed-neighbour`).

Choices, by the same rules on the 38 train cases of batches 1–10, in the order they were
made: (1) the rail service, under the structure shipped before: each case at its published
service 23.9 % mean LOO error against 24.2 % as block trains and 25.4 % as wagonload;
unchanged. (2) The structure, each case at its service: the sourced departure wait with the
interior origin dwell and one stop rate scores 23.8 % (23.847 unrounded), the same without
the dwell 23.9 % (23.856); the rule compares the means rounded to 0.1 %, so **the interior
origin dwell returns to the structure** (a difference of 0.01 points: on batches 1–9 the
two tied at 23.9 % and the tie went to fewer parameters), fitted at 50.8 h, and the stop
rate refitted to 13.9 h per 1000 km. Under that structure the service comparison still
takes the published service (23.8 % against 24.1 % and 24.6 %); China's rail at CPMM's
speed with the fitted stops scores 23.8 % against 26.4 % for China's block trains at 1,300
km a day, so China's timing is unchanged; in the border rules, China's published
block-train clearance with the stand-ins by kind ties with the shipped rules (23.8 % each;
23.834 against 23.847 unrounded) and the tie goes to the shipped rules, as the rule says;
no structure paired by `counts_from` does better (best 24.5 %). (3) Cases without rail stay
paired by `counts_from` (67.4 % mean absolute error against 254.5 % door to door on the 11
train cases without rail). This choice was committed before any case of batch 11 was
routed.

**Batch 11**, added after the choice on batches 1–10 with its split declared before any
case was routed, and routed once at no choice: 26 rows, 18 of them time cases (5 not
comparable: passenger trains, a trial train's sailing, a test shipment over a sailing the
network does not hold) and 8 distances. It is mostly the Caspian: the first Turkish export
train to China in December 2020 (Alat → Khorgos 168 h and Alat → Xi'an 216 h, from the
reported dates, good to a day), sailings Alat–Aktau, Alat–Kuryk, Kuryk–Alat and
Baku–Turkmenbashi from a Kazakh TV report and travellers' accounts, and one truck run
(Khorgos → Almaty, about 6 h, a fruit trader quoted). No new regular truck run and no rail
run to or from Astana, Bishkek, Dushanbe or Ashgabat that is not already a case was found
in the stored pages searched (English, Russian, Chinese, German and Turkmen queries): the
reports found are events of batches 1–10 under other addresses, or start at Chinese cities
the knowledge base does not hold. Read by term (`validation_legs.py --batches 11`): the two
sailings from the TV report count from nothing stated, so they are compared door-to-door,
which holds the wait for a sailing (104 h in all against 22 h and 18 h published); the
sailings told at 44–48 h by travellers (boarding to landing) are too short at the 20 h of
sailing; the truck's 6 h against 58 h is the road border at Khorgos (51 h, CPMM's
clearance for the crossing).

**The choice on batches 1–11.** Batch 11 was routed once at no choice (rail + Caspian 36.7 %
/ 483.3 % on its 7 held-out cases, road 868.3 % on 1) and then joined the choice; nothing in
the data or the rules was changed after it was seen. Choices, by the same rules on the 39
train cases of batches 1–11 (batch 11 adds one rail train case; its other train cases have
no rail), in the order they were made: (1) the rail service, under the structure shipped
before: each case at its published service 23.9 % mean LOO error against 24.2 % as block
trains and 24.6 % as wagonload; unchanged. (2) The structure, each case at its service: the
sourced departure wait with the interior origin dwell and one stop rate scores 23.872 %,
the same without the dwell 23.881 %; rounded to 0.1 % as the rule compares, both are 23.9 %,
and the tie goes to the fewer fitted parameters, so **the interior origin dwell leaves the
structure again** (its value is now 0 h; fitted at 50.8 h on batches 1–10) and the stop
rate is refitted to 23.2 h per 1000 km. The two structures have now traded places three
times on differences under 0.01 points of mean error: on these cases the data do not tell
them apart. Under the new structure the service comparison still takes the published
service (23.9 % against 24.2 % and 25.8 %), China's rail at CPMM's speed with the fitted
stops scores 23.9 % against 38.7 % for China's block trains at 1,300 km a day, the shipped
border rules 23.9 % against 24.8 % with China's published block-train clearance, and no
structure paired by `counts_from` does better (24.0 % at best). (3) Cases without rail stay
paired by `counts_from` (55.4 % mean absolute error against 261.3 % door to door on the 15
train cases without rail). This choice was committed before any case of batch 12 was
routed.

**Batch 12**, added after the choice on batches 1–11 with its split declared before any case
was routed, and routed once at no choice: 17 rows, 10 of them time cases (all comparable) and
7 distances. It is again mostly the Caspian: nine sailings between Baku (Alat), Aktau, Kuryk and
Turkmenbashi told by a port news report and travellers (12 to 30 h from boarding to landing), one
container train Chengdu → Uzbekistan ("about eight days", June 2025, read as Tashkent), and the
lengths of four railways and three roads. No truck run and no rail run to or from Astana, Bishkek,
Dushanbe or Ashgabat that is not already a case was found in the stored pages searched
(Chinese, Russian and English queries); trains from Chinese cities the network does not hold
(Guiyang, Ganzhou, Shijiazhuang, Wuxi, Zhangjiakou, Wuhan) were left out. Read by term
(`validation_legs.py --batches 12`): the Chengdu train (+25 %) is 146 h of China's rail at CPMM's
speed with the fitted stops and a 34-h wait for the next departure (half the headway in
`rail_services.csv`) against eight days published, counted from departure and compared door to door;
the sailings told at 24–30 h are too long for the 12–20 h the data give the crossing at sea, the
same cause as batch 11's travellers' accounts. The road from Ashgabat to Turkmenbashi (540 km
published) had no route when batch 12 was first routed: no road link joined them, a gap in the data.
A data correction, not a choice, made with batch 12 seen: the road west of Ashgabat (M37) was added
as three links from sources that are no case's source (Balkanabat–Turkmenbashi 155 km, News Central
Asia; the whole road 564 km, Gundogar and construction.gov.tm, split by the estimate of Bereket–
Balkanabat in `assumptions_links.csv`); the case now errs +4 %.

**The range of a sailing** (a data addition, not a choice; made with batches 1–12 seen; no typical
time moved, so no error above changed). Every curated sailing's range was its time at sea at the
low end and that plus a whole headway at the high: a trip that begins at sea, counted from
departure, had a range of one point (12–12 h Baku–Turkmenbashi), and 16 of the 26 held-out
sailings and trips over the Caspian lay outside their range. Travellers' accounts of the Baku–
Turkmenbashi ferries that are no case's source give waits at anchor off the port of arrival of
14 h, 24 h and more than 24 h, and ships that "regularly sit for several days off shore"; their
median, 24 h, is now the high end of a ship's wait at anchor on every curated ferry link
(`asm-time-ferry-anchorage-wait`), kept in a time counted from departure (it is not a wait for the
sailing). The typical time is unchanged (the sources do not say how often a ship waits). The
range check below counted 67 of 127 typical published times inside the range before (37 of 70
held-out; Caspian 10 of 26 held-out).

**Timetables** (a labelling rule and its labels, not a choice; made with batches 1–12 seen).
A railway's timetable gives a train's scheduled run, without the waiting a trip meets; the
model's typical time holds that waiting, its low time does not. The `statistic` column now
tells a timetable (`schedule`: clock times of a timetable, the running time of a numbered or
timetabled train, a run a railway states as scheduled in hours) from a trip's time or a
forecast of one (`typical`) and a record (`low`), by the rule in `validation_cases_rules.md`;
a timetable is compared with the model's low time, as a record is, and takes no part in the
fit. The rule was written after the held-out errors above had been seen (the worst,
xian-alashankou-2014 at +271 %, is a timetable), so this is no test of it. Its labels were
assigned by a reader who saw the cases' words and sources only, no model result (a first
wording of the rule, which also took a new service's forecast "will take N days" as a
schedule, labelled 49 rows; it was narrowed to timetables before any of those labels was
routed, and the labels were assigned again): 12 rows, 7 of them passenger trains and buses
not comparable with freight, and 5 comparable held-out rail cases, no train case, so the fit
and every choice above are unchanged. Against the low time: xian-almaty-2013-plan +111 % →
+3 %, xian-alashankou-2014 +271 % → −27 %, urumqi-almaty-2024 +37 % → −19 %,
qingdao-alashankou-2012 +53 % → −46 %, tashkent-andijan-2018 +11 % → −20 %. The held-out rail
times of all batches went from a median of 34.6 % and a worst of 271.2 % to 26.7 % and 133.8 %
(etrek-serhetyaka-2024: transit wagons at CPMM's Turkmen wagonload speed, 42 h against 17.75
h). The range check counts typical times only, so its totals below fell by those 5.

**Batch 13**, added after the choice on batches 1–11 with its split declared before any case
was routed (committed with the cases), and routed once at no choice: 26 rows, 15 of them time
cases (7 comparable) and 11 distances. Comparable times: four Xi'an → Baku trains over the
Caspian (the first one in 2019, 17 days to Sumgait, read as Baku; a special train of November
2023, "about 11 days"; and the monthly average transit time of the route's trains, 17 days in
December 2025 and 16 days in January 2026, from a Beijing forwarder's operating data), the
Alat–Kuryk ferry's sailing (18 h), a Chongqing → Hairatan (read as Termez) container train
(12–15 days, 2025), and the 90-hour record of a shuttle across Kazakhstan, Altynkol → Aktau
(2023). Eight rows are passenger trains and buses, or a first truck convoy timed to a launch
ceremony, listed apart. Read by term (`validation_legs.py --batches 13`): the monthly averages
(−26 %, −31 %) and the Chongqing train (−24 %) are too fast in the same way as the long hauls
to Tashkent of batches 1–11; the model's 11.8 days Xi'an → Baku matches the launch figures
(about 11 days, +7 %) but not the average of all trains. Three road cases (Tashkent → Astana
1,646 km; Zhengzhou and Khorgos → Kuryk) had no route: no road link reached Astana or the
Caspian ports from the rest of the network, a gap in the data. A data correction, not a
choice, made with batch 13 seen: fourteen Kazakh trunk-road links were added from sources that
are no case's source (`links.csv`: Astana–Karaganda–Balkhash–Almaty, Kyzylorda–Zhezkazgan–
Karaganda, Almaty–Ayagoz–Semey, Dostyk–Usharal to Almaty and Ayagoz, and Aktobe–Kyzylorda with
Aktobe–Kandyagash–Dossor–Beyneu and Atyrau; most lengths from KazAvtoZhol's kilometre posts,
each link's note says how). The three cases now route: Tashkent → Astana 1,776 km (+8 %), Khorgos → Kuryk +32 % and Zhengzhou → Kuryk
+20 % (both a convoy timed to a ceremony, listed apart); no other case moved. Then, also
a data correction with batches 1–13 seen, four Kazakh road lengths that were estimates (straight
line × route factor) were replaced by lengths from KazAvtoZhol's kilometre posts: Almaty–Korday
214 km (210 before), Korday–Taraz 262 (290), Taraz–Shymkent 198 (185), Turkestan–Kyzylorda 289
(320). Distances moved by one or two points (Bishkek–Almaty −5 % → −3 %, Tashkent–Bishkek
+5 % → +3 %, Fergana–Almaty −5 % → −6 %, Tashkent–Astana +8 % → +6 %), times by under 1 %.
Seven rail lengths that were estimates were replaced by published ones in the same way (made
with batches 1–13 seen): Jinghe–Alashankou 70 km (95 before; China State Railway Group on the
second track), Kokand–Margilan 69.2 (90) and Margilan–Andijan 69.5 (80), Tashkent–Bekabad 183
(160), Andijan–Khanabad 65 (65), Yavan–Bokhtar 54 (58) and Dushanbe–Vahdat 24.3 (20). The
held-out rail times went from a median of 25.8 % to 26.1 % (cases through Alashankou, most of
them too fast already, lost about an hour) and the held-out distances from 2.5 % to 2.7 %;
the worst distance, karaganda-kuytun-2016, from −43 % to −44 %.

**Batch 14**, added after the choice on batches 1–11 with its split declared before any case
was routed (committed with the cases), and routed once at no choice: 3 rows. The sources
consulted give no freight time or distance between China and Astana, nor from Turkmenistan
into China, that ends at a place of the network; the freight figures they give for the
return direction into China are second copies of trips already held, left out, and the one
eastbound figure kept is a passenger train's timetable, listed apart. The rows: Khorog →
Kashgar by road over Kulma–Karasu, 700 km (Asia-Plus, 2012), modelled at 615 km (−12 %, the
held-out distance); Urumqi → Dushanbe by road via Kashgar and Karasu, 2,600 km (2016), modelled
at 2,698 km (+4 %, train); and the eastbound timetable of the Almaty → Urumqi passenger train
(23 h 31 min, 2017). Two data corrections, not choices, made with batches 1–14 seen. Kalbatau,
where the Maikapshagai road meets the A-3, became a junction (its point an assumption): the
Ayagoz–Semey road now runs through it, 199 + 150 km from KazAvtoZhol's kilometre posts (339
km before: the 10 km of the A-3 through the town of Ayagoz, between the post where the road
reaches the town and the post where the section to Kalbatau starts, were in no link), and the
estimated Maikapchagai–Ust-Kamenogorsk road (490 km) gave way to the published
Kalbatau–Maikapshagai road (415 km) and an estimated Kalbatau–Ust-Kamenogorsk (120 km), so
that Maikapchagai reaches Almaty on Kazakh roads (1,382 km) instead of through China; no case
moved. Five Chinese rail lengths that were estimates are now taken from the kilometre posts of
China Railway's passenger tariff-distance table (version 2021-09-28, as exported in the qETRC
repository): Chongqing–Xi'an 757 km (810 before), Kuytun–Tacheng 461 (448), Qingdao–Zhengzhou
830 (785), Tianjin–Zhengzhou 767 (715) and Yiwu–Zhengzhou 1,156 (1,070); the last three (and
the route of the first) remain assumptions, since no source consulted says which way the
trains run. The held-out rail times went from a median of 26.1 % to 25.9 % and a worst of
133.8 % to 133.0 %; Chongqing → Tashkent by rail from +14 % to +13 % in distance. Refitted on
the train cases, the stop rate would be 23.0 h per 1000 km against the 23.2 shipped; it was
not refitted. Then four road lengths that were estimates were replaced by published ones (also
with batches 1–14 seen): on the G30 expressway, from kilometre posts in traffic notices,
Lianyungang–Zhengzhou 575 km (610 before), Zhengzhou–Xi'an 455 (485) and Xi'an–Lanzhou 665
(585); and Naryn–Torugart 186 km (189 before; Wikipedia). Road trips west from Zhengzhou grew
by 50 km (from Xi'an by 80, from Lianyungang by 15): held out, zhengzhou-almaty-2024 went from
+29 % to +37 % and the distance zhengzhou-ashgabat-2025 from +4 % to +5 %,
bishkek-torugart-siudz from 0 % to −1 %, and the convoy zhengzhou-kuryk-2024 (listed apart)
from +20 % to +24 %. The held-out medians over all batches did not move; held-out road
distances went from 4.4 % to 4.7 %, and by batch, batch 2's distances from 3.9 % to 4.7 % and
batch 11's from 0.4 % to 0.6 %.

**Cases that test the data against itself.** A case whose source is also a source of a link
on its route is now listed apart, with the links named (a rule, not a choice of the model,
added with batches 1–14 seen). Eleven cases are: ten distances, seven of them held out
(osh-irkeshtam, andijan-irkeshtam, andijan-osh-2019, murghab-kulma-wiki, angren-pap-2016,
torugart-kashgar-wiki and baketu-urumqi-2005, at 0 % error but for Andijan–Irkeshtam +12 % and
Baketu–Urumqi +5 %), three distances of the train split and the Alat–Kuryk sailing time (train,
−12 %). The held-out distances went from a median of 2.8 % over 49 cases to 3.3 % over 42;
the time fit takes no distance, and the one time case left the non-rail pairing table, whose
choice did not change.

**Link lengths, with batches 1–14 seen.** Data corrections, not choices: three rail lengths
that were estimates (straight line × route factor) and two that split a published total were
replaced, or split anew, from sources that are no case's source. Almaty-1–Zhetygen is 43 km (65 before), the difference of the
Ortakudyk junction's published distances to Almaty I and to Zhetygen; on the Trans-Caspian
railway's kilometre posts, Navoi–Bukhara (Buxoro-1, at Kagan) is 80 km (97), Samarkand–Navoi
176 km (159: the rest of the 256 km Samarkand–Bukhara line), and Türkmenabat–Farap and
Alat–Bukhara share the 112 km between Türkmenabat and Buxoro-1 (18.4 and 93.6 km; 15 and 80
before). Rail trips through Almaty from Altynkol or Dostyk are 22 km shorter: held out, the
distance altynkol-almaty went from −3 % to −9 % (the published "about 370 km" runs from
Horgos) and urumqi-almaty-2017 from −2 % to −4 %. The Uzbek and Turkmen line being 34 km
longer, Xi'an → Baku (2023-11 and 2024-03) now sails from Aktau rather than Turkmenbashi
(6,948 km instead of 6,701; the held-out distance from −4 % to −1 %, the times from +7 % to
+6 %). The stop rate, refitted on the same train cases of batches 1–11 after these
corrections (a refit, no choice), is 23.1 h per 1000 km (23.2 before) and is now shipped.
Held out over all batches, rail times went from a median of 25.9 % to 26.1 % and a worst of
133.0 % to 133.4 %, and distances from 3.3 % to 3.4 %. On this run's train cases the least
mean leave-one-out error is the shipped structure with a time at each rail border beyond China
(23.6 % against 24.0 %); the structure was not chosen again, so that the held-out cases of
batches 12–14 still test a structure chosen without them. The EBRD's 99 km from the Shymkent
bypass to the Uzbek border is a lower bound of the Shymkent–Saryagash road (the part inside
the city is in no source consulted), and that road's estimate was kept.
Then, also a data correction with batches 1–14 seen, the A380 through Karakalpakstan joined
the network (Bukhara–Nukus 548 km, Nukus–Kungrad 97 and Kungrad–Daut-Ata 313, estimated within
the road's published 1,204 km from Guzar to the Kazakh border): Nukus, Kungrad and the Daut-Ata
post had no road into the rest of Uzbekistan, and a truck from Karakalpakstan to Tashkent ran
through Kazakhstan. The two convoys to Kuryk (listed apart) now run through Uzbekistan,
Khorgos → Kuryk from +32 % to +22 % and Zhengzhou → Kuryk from +24 % to +18 %; no other case
moved.
Then, a data correction with batches 1–14 seen, Kyrgyzstan's alternative North–South road
joined the network (Balykchy–Kochkor 55 km, Kochkor–Kazarman 236, estimated within the road's
published 433 km, in use from the end of 2022, and Kazarman–Jalal-Abad 142 through the Kok-Art
tunnel, in use from October 2024), and the Bishkek–Naryn road was split at Kochkor (185 km from
Bishkek, at the Bishkek–Balykchy road's speed, which it follows for most of the way; 165 km on to
Naryn): Bishkek → Osh now takes the new road, its distance from +9 % to +7 %; no other case's
error moved (Bishkek → Torugart keeps its 536 km, with a shorter high time).

**The errors read by cause (batches 1–10).** `python benchmarks/validation_legs.py` splits
each time case's itinerary into its terms (rail running in China and outside, road, sea,
border, gauge change, interior origin dwell, departure wait, the origin's other terminal
time, transfers, destination). Every rail, rail+Caspian, multimodal and road time case of
batches 1–10 erring by more than 15 % after the choice on batches 1–10 (74 cases), with the
term that is off; the structure is fitted without pairing by `counts_from`, so a rail case
counted from departure is compared door to door:

| cause | cases (error) | term off |
|---|---|---|
| China's rail on runs to its border | xian-alashankou-2014 (+314 %), xian-almaty-2013-plan (+141 %), qingdao-alashankou-2012 (+63 %), chongqing-alashankou-2015 (+59 %), yiwu-alashankou-2014 (+44 %) | the origin's terms, door to door against times counted from departure: the interior origin dwell (51 h) on each, and the 2014 weekly train's 84-h wait on Xi'an–Alashankou; from departure, China's rail at CPMM's speed plus 13.9 h of stops per 1000 km is 81 h Xi'an–Alashankou against a scheduled 52 h (+55 %) and 125 h Xi'an–Almaty against a planned 73 h (+72 %), and within 15 % on the other three (115 h against 101 h, 102 h against 96 h, 122 h against 120 h) |
| long hauls to and from China (120 h or more published) | too fast: kuytun-dushanbe-2016 (−66 %), kashgar-tashkent-urdu (−60 %), zhengzhou-tashkent-2023 (−58 %, a record against the low time), tashkent-xian-2017 (−54 %), qingdao-almaty-2023 (−49 %), langfang-tashkent-2023 (−37 %), beijing-tashkent-2025-03 (−32 %), tianjin-tashkent (−32 %), xian-tashkent-2023 (−32 %), urumqi-tashkent-2018 (−30 %), urumqi-tashkent-2020 (−30 %), tianjin-andijan-2017 (−29 %), wuwei-ablyk-2026 (−21 %), qingdao-ashgabat-2020 (−19 %), tianjin-almaty-2025 (−19 %), chongqing-tashkent-2025 (−19 %), jinhua-nazarbek-2024 (−18 %), qingdao-almaty-2018 (−17 %); too slow: xian-tashkent-2025 (+52 %), lanzhou-almaty-2021 (+34 %), lianyungang-tashkent-jetway (+34 %), lianyungang-almaty-2025 (+32 %), xian-almaty-2013 (+22 %), yiwu-tashkent-2021 (+20 %), xian-almaty-2016 (+15 %), jinhua-bishkek-2021 (+15 %) | too fast: none of the modelled terms; the four long hauls of 2023 are all too fast (−32 to −58 %) though CPMM's 2023 clearance is in the data, the same corridors are published at 5 to 16 days (the floor: published times of one trip deviate from their median by 9 % at the median, 60 % at worst), and the runs eastbound into China show no common sign (tashkent-xian-2017 −54 %, almaty-xian-2016 −5 %, almaty-wuwei-agro-2022 +41 %); too slow: the origin's terms, door to door against times counted from departure (the interior origin dwell, 51 h, on each; a 37-h departure wait at Lanzhou in 2021): from departure they err from −20 to +10 % |
| the gauge change on short runs across Xinjiang's border | urumqi-almaty-2017 (+57 %), almaty-wuwei-agro-2022 (+41 %: 54 h at Alashankou), urumqi-almaty-2024 (+20 %), urumqi-almaty-2017-07 (+18 %); too fast: karaganda-kuytun-2016 (−17 %) | CPMM's clearance at Khorgos and Alashankou (wagonload consignments): 19 h of a 47-h Urumqi–Almaty run in 2017 (30 h and 40 h published), 14 h of 42 h in 2024 (35 h published); Karaganda–Kuytun's source gives 2,500 km, the model's route 1,427 km (its distance case −43 %) |
| Uzbek runs to Termez and Hairatan | andijan-termez-uz-2023 (−57 %), tashkent-hairatan-2020 (−48 %), tashkent-hairatan-wagon-2020 (−43 %) | counted from hand-over (the model's origin time there is nil); no run time of container trains to Termez nor an Uzbek route speed in the sources consulted |
| multimodal trains | irkeshtam-karasu-kg-2023 (−89 %), kashgar-hairatan-2022 (−65 %), lanzhou-dushanbe-2026 (−60 %), lianyungang-tashkent-2022 (−49 %), langfang-tashkent-2023 (−19 %) | transshipment and waiting at Kashgar, Irkeshtam and Osh, which no source consulted times |
| Caspian sailings | a sailing alone: alat-turkmenbashi-2022 (−75 %: 48 h published), baku-turkmenbashi-2016 (−27 %), baku-turkmenbashi-2008 (−20 %), baku-turkmenbashi-2012 (−20 %), baku-turkmenbashi-quirkontour (−20 %), baku-aktau-2012 (−20 %), turkmenbashi-baku-2012 (−17 %), baku-turkmenbashi-slightlylost (+26 %); on the way: dostyk-alat-2015 (+89 %), urumqi-baku-2018 (+35 %), xian-baku-2024-09 (+32 %), qingdao-baku-2021 (+17 %), xian-baku-2026 (+16 %), xian-baku-2025 (+16 %), tianjin-baku-2026 (−30 %), altynkol-baku-2024 (−30 %) | the sailing itself: 12 h Alat–Turkmenbashi in the data (the rail ferries' about 12 h) against 14.5 to 16.5 h of sailing in five travellers' accounts, 9.5 h in one, and "2 days, which is standard" for a 2022 shipment; 20 h Alat–Aktau against 25 h; the wait for a sailing is not counted in a trip that starts at sea (the legs' sea column holds it: 84 h beyond the sailing in the dated cases, 8 h in the undated) and still is on the way (104 h at sea on Dostyk–Alat and Urumqi–Baku); the trips from Xi'an and Qingdao also hold the interior origin dwell (from departure they err from −5 to +10 %) |
| runs within Turkmenistan and Kazakhstan | etrek-serhetyaka-2024 (+96 %), farap-sarahs-2024 (+44 %), turkmenbashi-farap-2021 (−56 %), altynkol-aktau-2024 (+33 %), sarahs-farap-2024 (−27 %) | wagonload at CPMM's speed where the source says transit wagons (25 h Farap–Sarahs each way against 17.6 h and 35 h in the same announcement, 35 h Etrek–Serhetyaka against 17.75 h), Kazakhstan's block speed elsewhere (36 h Turkmenbashi–Farap against 81 h, 96 h Altynkol–Aktau against 72 h); no Turkmen container-train speed found |
| road | khorgos-almaty-2018 (+502 %: 4.5 h published for 304 km), tashkent-kashgar-urgent-2018 (+77 %, a record), chongqing-dushanbe-2023 (−58 %), chongqing-bishkek-2021 (−29 %), zhengzhou-almaty-2024 (+29 %), tashkent-kashgar-2018 (+24 %), zhengzhou-ashgabat-2025 (+22 %), almaty-nur-zholy-2016 (−21 %), samarkand-qingdao (−17 %) | border (16 h at Khorgos) on short runs; border queues and transshipment at Kashgar on the long runs |

After the choice on batches 1–10, the held-out rail case that erred worst was
**xian-alashankou-2014** (+314 %, batch 3; now compared as a timetable, below): the
Xi'an Railway Bureau's timetable of 2014 (leaving Xi'an on Saturday at 02:15, at
Alashankou on Monday at 06:29: 52 h, counted from departure) against 215 h door to door,
which is 81 h of China's rail (CPMM's speed plus 13.9 h of stops per 1000 km over 3,057 km),
the interior origin dwell (51 h; 50.8 h fitted) and an 84-h departure wait (half the week
between the weekly trains of 2014 in `rail_services.csv`). The two origin terms, 135 h, are
what its time from departure leaves out, and the shipped structure is not paired by
`counts_from` (24.5 % mean LOO error with the pairing at best, against 23.8 %); from
departure it is 81 h, +55 %, China's rail alone.

Long hauls against the terms with a possible source (rail cases of the train split of
batches 1–10 of 120 h or more with a Chinese end outside Xinjiang, mean signed error): by
the Chinese end's railway bureau, Zhengzhou −58 % (1 case), Beijing −24 % (4, from −32 to
−14 %), Lanzhou −21 % (1), Xi'an −15 % (6, from −54 to +15 %), Chengdu −11 % (3), Jinan
−8 % (2), Shanghai +11 % (6, from −18 to +44 %): the spread within a bureau is as wide as
between them, and no source consulted gives a figure by bureau; by year 2017 (−29 % and
−54 %) and 2023 (−32 % and −58 %) stand out, two train cases each, with CPMM's 2023
clearance already in; by direction the two eastbound train cases are both too fast
(almaty-xian-2016 −5 %, tashkent-xian-2017 −54 %), and so are 16 of the 20 westbound (mean
−12 %). No term was added for them."""


def groups(rows: Sequence[dict[str, Any]]) -> dict[tuple[str, str], list[float]]:
    """Absolute errors (%) by (kind, split), comparable cases only."""
    found: dict[tuple[str, str], list[float]] = {}
    for r in rows:
        if r["error_pct"] is not None and not r["not_comparable"]:
            found.setdefault((r["kind"], r["split"]), []).append(abs(r["error_pct"]))
    return found


def summary(rows: Sequence[dict[str, Any]]) -> list[str]:
    """Count of cases, errors by kind and split, and the held-out goal lines."""
    routed = [r for r in rows if r["error_pct"] is not None]
    apart = [r for r in rows if r["not_comparable"]]
    lines = [f"{len(rows)} cases, {len(routed)} routed, {len(apart)} not comparable"]
    for (kind, split), values in sorted(groups(rows).items()):
        lines.append(
            f"{kind} / {split}: {len(values)} cases, median {statistics.median(values):.1f} %, "
            f"worst {max(values):.1f} %"
        )
    return lines + goal_lines(rows)


def goal_lines(rows: Sequence[dict[str, Any]]) -> list[str]:
    """The held-out errors against the goal, by batch and together."""
    lines = []
    for batch_label, batches in batch_groups(rows):
        lines += ["", f"Held-out cases against the goal, {batch_label}:", ""]
        chosen = [r for r in rows if r["batch"] in batches]
        found = groups(chosen)
        for label, kinds, median_limit, worst_limit in GOALS:
            errors = [e for kind in kinds for e in found.get((kind, "test"), [])]
            if not errors:
                lines.append(f"- {label}: no held-out case routed")
                continue
            median, worst = statistics.median(errors), max(errors)
            met = median <= median_limit and (worst_limit is None or worst <= worst_limit)
            limits = f"median ≤ {median_limit:g} %" + (
                f", none worse than {worst_limit:g} %" if worst_limit is not None else ""
            )
            lines.append(
                f"- {label} ({len(errors)} case{'s' if len(errors) != 1 else ''}): median {median:.1f} %, worst {worst:.1f} % "
                f"— goal {limits}: {'met' if met else 'not met'}"
            )
    return lines[1:]


def cv_lines(scores: Sequence[CvScore], chosen: CvScore, cases: int) -> list[str]:
    """The candidate structures' LOO-CV errors on the train cases, as a Markdown table."""
    return [
        f"Leave-one-out cross-validation on the {cases} train cases the fit uses "
        "(absolute relative error of the time; values fitted on all of them):",
        "",
        "| structure | fitted | mean abs. | median abs. | worst | values on train | grounds |",
        "|---|---|---|---|---|---|---|",
        *(
            f"| {'**' + s.candidate.label + '**' if s is chosen else s.candidate.label} | "
            f"{len(s.candidate.features)} | {s.mean_abs:.1f} % | {s.median_abs:.1f} % | "
            f"{s.worst_abs:.1f} % | "
            + ", ".join(
                [f"{f} {v:.1f}" for f, v in zip(s.candidate.features, s.values, strict=True)]
                + [f"{f} (sourced)" for f in s.candidate.fixed]
            )
            + f" | {s.candidate.grounds} |"
            for s in scores
        ),
        "",
        f"Shipped: **{chosen.candidate.label}**. Features: `rail_ends` rail leg ends (origin, "
        "destination, road–rail transfers); `interior_ends` those at Chinese places outside "
        "Xinjiang (`asm-time-xinjiang-places`); `interior_origins` those where a rail leg "
        "starts; `rail_km` rail km outside China, `rail_km_cn` in China, `xinjiang_km` and "
        "`interior_km` China's split by region, `rail_km_all` all rail km (stop rates per "
        "1000 km); `interior_origins_unserved` interior origins without a published "
        "frequency; `departure_wait_h` (sourced, not fitted) half the headway of the trains "
        "in force where a rail leg starts (`rail_services.csv`; outside China's interior it "
        "replaces the estimated truck-to-train wait). Not among the candidates: the gauge "
        "change, which is already "
        "in each crossing's clearance and transshipment time from CPMM and other sources.",
    ]


def choice_lines(
    scores: Sequence[CvScore], shipped: CvScore, train: Sequence[dict[str, Any]]
) -> list[str]:
    """The pairing the leave-one-out rule chose, and what is shipped."""
    choice = choose(scores)
    pairing = "with the pairing" if shipped.candidate.paired else "without the pairing"
    best = {
        paired: min(s.mean_abs for s in scores if s.candidate.paired == paired)
        for paired in (False, True)
    }
    counted = sum(1 for r in train if r.get("counts_from") == "departure")
    lines = [
        f"Chosen on the {len(train)} train cases of batches "
        f"{CHOICE_BATCHES[0]}–{CHOICE_BATCHES[-1]} ({counted} of them counted from departure) "
        f"by the least mean absolute LOO error: **{choice.candidate.label}** "
        f"({choice.mean_abs:.1f} %; best without the pairing {best[False]:.1f} %, best with it "
        f"{best[True]:.1f} %). Shipped: **{shipped.candidate.label}**, fitted {pairing}. "
        f"Batches {CHOICE_BATCHES[0]}–{CHOICE_BATCHES[-1]} were seen before this choice and "
        f"their train cases joined it; batches {int(CHOICE_BATCHES[-1]) + 1} and later were "
        "added after it, each split declared before any of its cases was routed."
    ]
    if choice.candidate != shipped.candidate:
        lines.append("On this run's cases the rule's choice is not the shipped structure.")
    return lines


def markdown(
    rows: Sequence[dict[str, Any]],
    cases: Sequence[dict[str, str]],
    fitted: dict[str, float],
    shipped: dict[str, float],
    cv: list[str],
    choice: list[str],
    scatter: Sequence[str] = (),
    floor: str = "",
) -> str:
    """The whole report; ``scatter`` is the floor's section and ``floor`` its reading in the
    header (``validation_scatter``)."""
    sources = {c["id"]: c for c in cases}
    timed = [
        r
        for r in rows
        if r["low"] is not None and r["statistic"] == "typical" and not r["not_comparable"]
    ]
    inside = [r for r in timed if r["low"] <= r["published"] <= r["high"]]
    held = [r for r in timed if r["split"] == "test"]
    held_inside = [r for r in held if r["low"] <= r["published"] <= r["high"]]
    lines = [
        HEADER,
        "",
        *([floor, ""] if floor else []),
        *choice,
        "",
        f"**{summary(rows)[0]}.**",
        "",
        "## Fitted parameters",
        "",
        "| parameter | fitted on train | shipped in the data |",
        "|---|---|---|",
        *(
            f"| `{name}` ({TIME_ASSUMPTIONS[name]}) | {fitted[name]:g} | {shipped[name]:g} |"
            for name in FITTED
        ),
        "",
        "## Structure: leave-one-out cross-validation on the train cases",
        "",
        *cv,
        "",
        "## Errors by kind, train and held-out",
        "",
        "| kind | split | cases | median abs. error | worst |",
        "|---|---|---|---|---|",
        *(
            f"| {k} | {s} | {len(v)} | {statistics.median(v):.1f} % | {max(v):.1f} % |"
            for (k, s), v in sorted(groups(rows).items())
        ),
        "",
        *goal_lines(rows),
        "",
        f"Range check: {len(inside)} of {len(timed)} typical published times lie inside the "
        f"model's low–high range ({len(held_inside)} of {len(held)} held-out).",
        "",
        *scatter,
        "",
        "## Every case",
        "",
        "| case | split | batch | published | counts from | service | model | low–high | error "
        "| route | source |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
        *(_case_row(r, sources) for r in rows if not r["not_comparable"]),
        "",
        "## Not comparable",
        "",
        "Routed and shown, but outside the fit and the summaries above.",
        "",
        "| case | split | batch | published | counts from | service | model | low–high | error "
        "| route | source | why |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
        *(f"{_case_row(r, sources)} {r['not_comparable']} |" for r in rows if r["not_comparable"]),
        "",
    ]
    return "\n".join(lines)


def _case_row(r: dict[str, Any], sources: dict[str, dict[str, str]]) -> str:
    """One case as a Markdown table row."""
    case = sources[str(r["id"])]
    model = "no route" if r["model"] is None else f"{r['model']:,.0f}"
    span = "" if r["low"] is None else f"{r['low']:,.0f}–{r['high']:,.0f}"
    error = "" if r["error_pct"] is None else f"{r['error_pct']:+.0f} %"
    label = {"low": " (record, vs low)", "schedule": " (schedule, vs low)"}.get(r["statistic"], "")
    source = f"[{case['publisher'] or 'source'}]({case['source_url']})"
    counts = r["counts_from"] + (" (vs from departure)" if r.get("paired") else "")
    return (
        f"| {r['id']} | {r['split']} | {r['batch']} | {r['published']:,.0f} {r['unit']}{label} | "
        f"{counts} | {r.get('service', '')} | {model} | {span} | {error} | {r['route']} "
        f"| {source} |"
    )
