"""A «yes» that rests on what a card offers only as an option («RAID: 0/1/5/10; RAID 6 — с опциональным
контроллером», «Интерфейсы: USB; SNMP-карта приобретается отдельно») proves nothing: the value is decided again
without its optional clauses (`requirements.json` `presence_words` `optional`), and only a «yes» there stands."""

from __future__ import annotations

from collections.abc import Callable

from matching.cards import SpecCard, spec_card
from matching.offered import offered_clauses
from store.schema import ProductSpec


def option_only(spec: SpecCard, decide: Callable[[SpecCard], str]) -> str | None:
    """Why a «yes» on the spec proves nothing (Russian, for the specialist), or None: the spec's value has optional
    clauses and ``decide`` (a requirement's decision on a spec) gives no «yes» on the value without them."""
    kept = offered_clauses(spec.spec.value)
    if kept == (spec.spec.value,):
        return None
    if kept is not None:
        plain = spec_card(ProductSpec(name=spec.spec.name, value="; ".join(kept), unit=spec.spec.unit))
        if decide(plain) == "yes":
            return None
    return f"«{spec.spec.name}»: требуемое есть только как опция ({spec.spec.value}); проверьте вручную"
