"""Readings of a whole requirement on a card, tried before any name alignment (each module says what it reads and
what it never decides): a certificate's class (class 1 the strongest), a named product's version, none of a thing's
examples, a part's count inside its spec ("16 ядер" of «Процессор»), a quantity under a bracketed label ("(Tx)"), a
cable category («не ниже 5е»), an ingress code written in the body's spec («Исполнение: уличное, IP66»), installed
things a card says it comes without («Диски: в комплект поставки не входят»), a span of operating conditions
covered at both ends, the members of a closed list such as radio bands, a Wi-Fi standard by its rank, a switch's
level, routing and management, a transceiver's rate read from its standard, a UPS's outlets on battery and in
all, a device's own power supplies, a processor's base or turbo frequency at an end of its range («1,3–4,4 ГГц»), a
UPS's runtime at the asked load («12 мин при 50 % нагрузки, 4 мин при 100 %»)."""

from __future__ import annotations

from matching.backedoutlets import asks_backed_outlets, asks_outlet_kind, backed_outlets, outlet_kind_missing
from matching.cards import ProductCard, SpecCard
from matching.categories import asks_category, category_meets
from matching.certclasses import asks_class, certificate_class
from matching.closedlists import asks_listed, listed_members
from matching.examples import asks_examples, none_of_examples
from matching.ingress import asks_ingress, ingress_stated
from matching.labelled import asks_labelled, labelled_quantity
from matching.loadruntimes import asks_load_runtime, load_runtime
from matching.management import asks_management, management_stated
from matching.outletcounts import asks_outlet_count, outlet_count
from matching.partcounts import asks_part_count, part_count
from matching.portspeeds import asks_module_rate, module_rate
from matching.powersupplies import asks_power_supplies, supplies_stated
from matching.processors import asks_frequency_end, frequency_end
from matching.requirements import Requirement
from matching.routing import asks_routing, routing_stated
from matching.spans import asks_operating_span, operating_span_met
from matching.unitthings import asks_installed, installed_none
from matching.uplinkspeed import asks_uplink_speed, uplink_speed
from matching.versions import asks_version, version_at_least
from matching.wlanstandards import asks_wlan_standard, wlan_standard_met

_READINGS = (
    (asks_class, certificate_class), (asks_version, version_at_least), (asks_examples, none_of_examples),
    (asks_part_count, part_count), (asks_labelled, labelled_quantity), (asks_category, category_meets),
    (asks_ingress, ingress_stated), (asks_installed, installed_none), (asks_operating_span, operating_span_met),
    (asks_listed, listed_members), (asks_wlan_standard, wlan_standard_met),
    (asks_routing, routing_stated), (asks_module_rate, module_rate), (asks_management, management_stated),
    (asks_uplink_speed, uplink_speed),
    (asks_backed_outlets, backed_outlets), (asks_outlet_kind, outlet_kind_missing), (asks_outlet_count, outlet_count),
    (asks_power_supplies, supplies_stated), (asks_frequency_end, frequency_end), (asks_load_runtime, load_runtime),
)  # fmt: skip
"""(whether a requirement is of the reading's kind, the reading on a card)."""


def whole_reading(req: Requirement, card: ProductCard) -> tuple[str, str, SpecCard | None] | None:
    """(status, reason, spec) of the first reading that decides the requirement on the card; None when none does.
    Which readings apply is decided once per requirement: the matching hot path pays one look-up."""
    readers = req.lookup.get("readings")
    if readers is None:
        readers = req.lookup["readings"] = tuple(read for asks, read in _READINGS if asks(req))
    for read in readers:
        found = read(req, card)
        if found is not None:
            return found
    return None
