"""Drivers' hours on whole road trips, against trips worked out by hand from the AETR rules.

One driver: 9 h of driving a day (10 h twice a week), a 45-min break after 4.5 h, 11 h of
daily rest (9 h reduced); a two-driver crew drives 18 h (20 h extended) and rests 9 h.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from caravan.analysis.routing.drivers_hours import CrewRules, Stretch, added_rest_h, crew_rules
from caravan.network.parameters import Parameter

ONE_DRIVER = CrewRules(9.0, 4.5, 0.75, 11.0, 9.0, 1.0)
TWO_DRIVERS = CrewRules(18.0, None, 0.0, 9.0, 9.0, 2.0)


def _drive(hours: float) -> Stretch:
    return Stretch(hours, True)


def _stop(hours: float) -> Stretch:
    return Stretch(hours, False)


def _elapsed(stretches: list[Stretch], rules: CrewRules) -> float:
    return sum(s.hours for s in stretches) + sum(added_rest_h(stretches, rules))


def test_six_hours_of_driving_take_one_break_and_no_rest() -> None:
    assert added_rest_h([_drive(6.0)], ONE_DRIVER) == [0.75]


def test_four_and_a_half_hours_need_no_break_at_the_end() -> None:
    assert added_rest_h([_drive(4.5)], ONE_DRIVER) == [0.0]


def test_ten_hours_fit_in_one_extended_day_with_two_breaks() -> None:
    # 4.5 h, break, 4.5 h, break, 1 h: the 10-h day saves the daily rest
    assert added_rest_h([_drive(10.0)], ONE_DRIVER) == [pytest.approx(1.5)]


def test_ten_hours_without_the_extension_need_a_daily_rest() -> None:
    strict = CrewRules(9.0, 4.5, 0.75, 11.0, 9.0, 0.0)
    # 4.5 h, break, 4.5 h, daily rest, 1 h
    assert added_rest_h([_drive(10.0)], strict) == [pytest.approx(0.75 + 11.0)]


def test_a_twelve_hour_border_wait_between_two_driving_days_is_the_rest() -> None:
    trip = [_drive(9.0), _stop(12.0), _drive(9.0)]
    assert added_rest_h(trip, ONE_DRIVER) == [0.75, 0.0, 0.75]
    assert _elapsed(trip, ONE_DRIVER) == pytest.approx(31.5)


def test_thirty_hours_of_driving_around_a_twelve_hour_wait() -> None:
    # each 15 h half: 4.5, break, 4.5, rest (an extension cannot save it), 4.5, break, 1.5;
    # the wait in the middle is the rest between the halves
    trip = [_drive(15.0), _stop(12.0), _drive(15.0)]
    half = 0.75 + 11.0 + 0.75
    assert added_rest_h(trip, ONE_DRIVER) == [pytest.approx(half), 0.0, pytest.approx(half)]
    assert _elapsed(trip, ONE_DRIVER) == pytest.approx(30 + 12 + 2 * half)


def test_a_wait_shorter_than_the_reduced_rest_is_stretched_into_the_rest() -> None:
    # 8 h is not a rest by itself: the crew rests in the queue (9 h, one hour more) rather
    # than drive on and rest 11 h in the second day
    short = [_drive(9.0), _stop(8.0), _drive(9.0)]
    long = [_drive(9.0), _stop(9.0), _drive(9.0)]
    assert added_rest_h(short, ONE_DRIVER) == [0.75, pytest.approx(1.0), 0.75]
    assert added_rest_h(long, ONE_DRIVER) == [0.75, 0.0, 0.75]


def test_a_five_hour_border_stop_at_hour_eight_is_the_rest() -> None:
    # rest there: 4.5, break, 3.5; the 5 h queue stretched to the 9 h rest; 4.5, break, 3.5
    # -> 16 + 9 + 1.5 = 26.5 h
    trip = [_drive(8.0), _stop(5.0), _drive(8.0)]
    assert added_rest_h(trip, ONE_DRIVER) == [0.75, pytest.approx(4.0), 0.75]
    assert _elapsed(trip, ONE_DRIVER) == pytest.approx(26.5)
    # rest later: the queue is only a break; 1 h to the day's 9 h, extended to 10 h, the 11 h
    # rest, then 6 h with a break -> 16 + 5 + 0.75 + 11 + 0.75 = 33.5 h
    rest_later = 16.0 + 5.0 + 0.75 + 11.0 + 0.75
    assert _elapsed(trip, ONE_DRIVER) < rest_later
    # were the rest in a queue as long as the regular rest (11 h), resting there still wins
    regular = CrewRules(9.0, 4.5, 0.75, 11.0, 11.0, 1.0)
    assert _elapsed(trip, regular) == pytest.approx(16.0 + 11.0 + 1.5)


def test_a_rest_at_a_transfer_is_the_regular_rest() -> None:
    # the same trip with a 5 h transfer in place of the border queue: resting there takes
    # the regular 11 h (as on the road), 16 + 11 + 1.5 = 28.5 h; driving on through the
    # transfer and resting later takes 16 + 5 + 12.5 = 33.5 h
    trip = [_drive(8.0), Stretch(5.0, False, border=False), _drive(8.0)]
    assert added_rest_h(trip, ONE_DRIVER) == [0.75, pytest.approx(6.0), 0.75]
    assert _elapsed(trip, ONE_DRIVER) == pytest.approx(28.5)
    # a two-driver crew rests 9 h wherever it rests
    assert added_rest_h([_drive(16.0), Stretch(1.0, False, border=False), _drive(6.0)],
                        TWO_DRIVERS) == [0.0, pytest.approx(8.0), 0.0]  # fmt: skip


def test_a_two_hour_stop_is_not_made_the_rest_when_the_trip_ends_within_the_day() -> None:
    # 8 h, a 2 h stop (the break), 1 h: the day's 9 h are not used up, so resting in the
    # stop (7 h more) is worse than driving on
    trip = [_drive(8.0), _stop(2.0), _drive(1.0)]
    assert added_rest_h(trip, ONE_DRIVER) == [0.75, 0.0, 0.0]
    assert _elapsed(trip, ONE_DRIVER) == pytest.approx(11.75)


def test_a_short_stop_before_the_break_is_due_can_be_the_break() -> None:
    # 4 h, a 30-min stop, 4 h: made the break (45 min, 15 min more) it saves the 45-min
    # break after 4.5 h of continuous driving
    trip = [_drive(4.0), _stop(0.5), _drive(4.0)]
    assert sum(added_rest_h(trip, ONE_DRIVER)) == pytest.approx(0.25)
    assert added_rest_h([_drive(4.0), _stop(0.5), _drive(0.5)], ONE_DRIVER) == [0.0, 0.0, 0.0]


def test_a_stop_is_never_made_a_rest_after_the_last_driving() -> None:
    assert added_rest_h([_drive(9.0), _stop(1.0)], ONE_DRIVER) == [0.75, 0.0]


def test_two_drivers_drive_on_through_breaks_and_rest_nine_hours_after_a_crew_day() -> None:
    assert added_rest_h([_drive(20.0)], TWO_DRIVERS) == [0.0]  # extended crew day
    # 30 h: 18 h, 9 h rest (an extension would still leave a rest), 12 h
    assert added_rest_h([_drive(30.0)], TWO_DRIVERS) == [pytest.approx(9.0)]
    one_driver = _elapsed([_drive(30.0)], ONE_DRIVER)
    assert _elapsed([_drive(30.0)], TWO_DRIVERS) == pytest.approx(39.0)
    assert one_driver > 39.0


def test_a_rest_is_never_taken_after_the_last_stretch() -> None:
    assert added_rest_h([_drive(9.0)], ONE_DRIVER) == [0.75]
    assert added_rest_h([_drive(18.0)], TWO_DRIVERS) == [0.0]


def test_rules_are_read_from_a_road_edge_parameters() -> None:
    parameters = [
        Parameter("road_driving_h_per_day", 9.0, "h/day", ("a",)),
        Parameter("road_extended_driving_h_per_day", 10.0, "h/day", ("a",)),
        Parameter("road_break_h", 0.75, "h", ("a",)),
        Parameter("road_daily_rest_h", 11.0, "h", ("a",)),
        Parameter("road_reduced_daily_rest_h", 9.0, "h", ("a",)),
    ]
    assert crew_rules(parameters) == (ONE_DRIVER, TWO_DRIVERS)
    assert crew_rules(parameters[:1]) is None


_pieces = st.lists(
    st.tuples(st.booleans(), st.floats(min_value=0.1, max_value=30.0)), min_size=1, max_size=8
)


@given(_pieces)
def test_the_rules_never_cost_more_than_the_per_hour_factor(
    pieces: list[tuple[bool, float]],
) -> None:
    """The routing weight (a full day's breaks and rest per 9 h) bounds the trip's rules."""
    trip = [Stretch(hours, driving) for driving, hours in pieces]
    driving = sum(s.hours for s in trip if s.driving)
    factor = (9.0 + 0.75 + 11.0) / 9.0
    assert sum(added_rest_h(trip, ONE_DRIVER)) <= driving * (factor - 1.0) + 1e-9
    assert sum(added_rest_h(trip, TWO_DRIVERS)) <= driving * 0.5 + 1e-9


@given(_pieces, st.data())
def test_shortening_a_stop_never_lengthens_a_trip(
    pieces: list[tuple[bool, float]], data: st.DataObject
) -> None:
    """A stop is never worse shorter: a rest or break it was is still taken during it."""
    trip = [Stretch(hours, driving) for driving, hours in pieces]
    stops = [i for i, s in enumerate(trip) if not s.driving]
    if not stops:
        trip.append(_stop(10.0))
        trip.append(_drive(10.0))
        stops = [len(trip) - 2]
    chosen = data.draw(st.sampled_from(stops))
    factor = data.draw(st.floats(0.0, 1.0))
    shorter = list(trip)
    shorter[chosen] = Stretch(trip[chosen].hours * factor, False)
    for rules in (ONE_DRIVER, TWO_DRIVERS):
        assert _elapsed(shorter, rules) <= _elapsed(trip, rules) + 1e-9


@given(_pieces)
def test_the_least_is_no_more_than_any_fixed_way_through_the_stops(
    pieces: list[tuple[bool, float]],
) -> None:
    """Never resting in a stop, or resting in every one, is one of the ways tried."""
    trip = [Stretch(hours, driving) for driving, hours in pieces]
    rested = [s if s.driving else Stretch(max(s.hours, 9.0), False) for s in trip]
    no_stop_rest = CrewRules(9.0, 4.5, 0.75, 11.0, 1e9, 1.0)
    least = _elapsed(trip, ONE_DRIVER)
    assert least <= _elapsed(trip, no_stop_rest) + 1e-9
    assert least <= _elapsed(rested, ONE_DRIVER) + 1e-9


def test_a_long_stop_not_taken_as_the_rest_when_that_is_quicker() -> None:
    """1 h, a 9-h border stop, 4 h, a 1-h stop, 11 h: resting in the long stop moves the day's
    end to where a break falls (38.5 h); carrying on through it, the day ends as a break would
    be due, so one break fewer (37.75 h). The least of the ways is the second."""
    pieces = [(True, 1.0), (False, 9.0), (True, 4.0), (False, 1.0), (True, 11.0)]
    trip = [Stretch(hours, driving) for driving, hours in pieces]
    assert _elapsed(trip, ONE_DRIVER) == pytest.approx(37.75)
