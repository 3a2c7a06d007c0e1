"""Enumerations of the model: the closed vocabularies the data files may use."""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "AgreementKind",
    "CrossingStatus",
    "DatePrecision",
    "Direction",
    "LinkMode",
    "LinkStatus",
    "OpeningDays",
    "PlaceKind",
    "PriorityDirection",
    "ProjectKind",
    "ProjectStatus",
    "Quantity",
    "RateUnit",
    "TradeFlowKind",
    "TrainService",
    "TransferKind",
]


class PlaceKind(StrEnum):
    """What a place is, for filtering and for the network's terminals."""

    CITY = "city"
    PORT = "port"
    DRY_PORT = "dry_port"
    BORDER_POST = "border_post"
    JUNCTION = "junction"
    GAUGE_CHANGE_STATION = "gauge_change_station"
    SITE = "site"


class LinkMode(StrEnum):
    """Transport mode of a link."""

    RAIL = "rail"
    ROAD = "road"
    FERRY = "ferry"


class TrainService(StrEnum):
    """How a container travels by rail: in a container block train or in wagonload traffic.

    A block train runs whole from terminal to terminal at its published route speed; a
    wagon in wagonload traffic moves at CAREC CPMM's speed and stops where trains are
    remarshalled (``docs/network-model.md``).
    """

    BLOCK = "block"
    WAGONLOAD = "wagonload"


class LinkStatus(StrEnum):
    """Lifecycle of a link without a project timeline."""

    IN_SERVICE = "in_service"
    UNDER_CONSTRUCTION = "under_construction"
    PLANNED = "planned"
    CLOSED = "closed"


class CrossingStatus(StrEnum):
    """Lifecycle of a border crossing."""

    IN_SERVICE = "in_service"
    TEMPORARY = "temporary"
    CLOSED = "closed"
    UNDER_CONSTRUCTION = "under_construction"
    PLANNED = "planned"


class OpeningDays(StrEnum):
    """Days of the week a crossing works."""

    DAILY = "daily"
    MON_FRI = "mon-fri"
    MON_SAT = "mon-sat"


class Direction(StrEnum):
    """Which way a dated observation applies along a crossing or link."""

    A_TO_B = "a_to_b"
    B_TO_A = "b_to_a"
    BOTH = "both"


class Quantity(StrEnum):
    """Dated quantities observed on crossings and links; the unit is in the name."""

    CLEARANCE_TIME_H = "clearance_time_h"
    CLEARANCE_COST_USD = "clearance_cost_usd"
    CAPACITY_TRAINS_PER_DAY = "capacity_trains_per_day"
    CAPACITY_VEHICLES_PER_DAY = "capacity_vehicles_per_day"
    CAPACITY_MT_PER_YEAR = "capacity_mt_per_year"
    DAILY_QUOTA_VEHICLES = "daily_quota_vehicles"
    THROUGHPUT_MT_PER_YEAR = "throughput_mt_per_year"
    TRANSSHIPMENT_TIME_H = "transshipment_time_h"
    TRANSSHIPMENT_COST_USD_PER_TEU = "transshipment_cost_usd_per_teu"
    #: 1 from the day a crossing closes to freight in a direction, 0 from the day it reopens
    CLOSED_TO_FREIGHT = "closed_to_freight"


class PriorityDirection(StrEnum):
    """The six priority directions named at the 2025 Astana summit."""

    UNIMPEDED_TRADE = "unimpeded_trade"
    INDUSTRIAL_INVESTMENT = "industrial_investment"
    CONNECTIVITY = "connectivity"
    GREEN_MINERALS = "green_minerals"
    AGRICULTURAL_MODERNISATION = "agricultural_modernisation"
    PEOPLE_TO_PEOPLE = "people_to_people"


class ProjectKind(StrEnum):
    """What a project builds or does."""

    RAILWAY = "railway"
    ROAD = "road"
    BORDER_CROSSING = "border_crossing"
    LOGISTICS_HUB = "logistics_hub"
    PORT = "port"
    PIPELINE = "pipeline"
    POWER = "power"
    MINING = "mining"
    INDUSTRIAL = "industrial"
    AGRICULTURE = "agriculture"
    EDUCATION = "education"
    CULTURE = "culture"
    TRADE_PLATFORM = "trade_platform"
    OTHER = "other"


class ProjectStatus(StrEnum):
    """A project's status; the timeline orders events, not these values."""

    ANNOUNCED = "announced"
    AGREED = "agreed"
    UNDER_CONSTRUCTION = "under_construction"
    IN_SERVICE = "in_service"
    SUSPENDED = "suspended"
    CANCELLED = "cancelled"


class DatePrecision(StrEnum):
    """How precisely a date is known (a month is stored as its first day)."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class AgreementKind(StrEnum):
    """Legal or political nature of a signed document."""

    TREATY = "treaty"
    DECLARATION = "declaration"
    ACTION_PLAN = "action_plan"
    AGREEMENT = "agreement"
    MEMORANDUM = "memorandum"
    JOINT_STATEMENT = "joint_statement"
    PROGRAMME = "programme"
    OTHER = "other"


class TradeFlowKind(StrEnum):
    """Direction of a trade figure from the reporter's point of view."""

    EXPORT = "export"
    IMPORT = "import"
    TOTAL = "total"


class RateUnit(StrEnum):
    """Units in which per-distance freight rates are published."""

    USD_PER_TEU_KM = "usd_per_teu_km"
    USD_PER_FEU_KM = "usd_per_feu_km"
    USD_PER_TONNE_KM = "usd_per_tonne_km"
    USD_PER_20T_PER_500KM = "usd_per_20t_per_500km"


class TransferKind(StrEnum):
    """Where and how a container changes vehicle."""

    GAUGE_TRANSSHIPMENT = "gauge_transshipment"
    BOGIE_EXCHANGE = "bogie_exchange"
    ROAD_RAIL_HANDLING = "road_rail_handling"
    BORDER_TRANSLOAD = "border_transload"
    PORT_HANDLING = "port_handling"


class FreightQuantity(StrEnum):
    """What a freight-demand factor measures; the unit is in the name."""

    VALUE_DENSITY_USD_PER_T = "value_density_usd_per_t"
    TONNES_PER_TEU = "tonnes_per_teu"
    TONNES_PER_TRUCK = "tonnes_per_truck"
    TONNES_PER_TRAIN = "tonnes_per_train"
    PIPELINE_VALUE_USD = "pipeline_value_usd"
    PIPELINE_GAS_BCM = "pipeline_gas_bcm"
    PIPELINE_OIL_MT = "pipeline_oil_mt"
    TRANSIT_TEU = "transit_teu"
    ROAD_SHARE_OF_TRADE_VALUE = "road_share_of_trade_value"
    LOGIT_SCALE_PER_USD = "logit_scale_per_usd"
