"""What crosses the parsing workers' pipes (prepared notices and outcomes, their raw documents, archive member
references) pickles as its class and field values in order (``store.codec.PositionalPickle``) and comes back
equal, for every field."""

from __future__ import annotations

import dataclasses
import pickle

from crawlers.archives import MemberRef
from crawlers.parsers import parse_document, read_document
from store.outcome_prepared import PreparedOutcome, prepare_outcome
from store.prepared import PreparedNotice, PreparedRaw, prepare
from testing.eis_generator import generate_notices
from testing.outcome_documents import corpus


def _round_trip(value: object) -> object:
    constructor, arguments = value.__reduce_ex__(pickle.HIGHEST_PROTOCOL)
    assert constructor is type(value) and len(arguments) == len(dataclasses.fields(value))  # type: ignore[arg-type]
    copy = pickle.loads(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    assert type(copy) is type(value)
    assert copy == value
    return copy


def test_prepared_documents_and_member_references_round_trip() -> None:
    name, data = next(iter(corpus(1, seed=3)))
    [document] = read_document(data, name).outcomes
    outcome = prepare_outcome(document, data, name)
    assert outcome.raw is not None and outcome.alone
    copy = _round_trip(outcome)
    assert all(getattr(copy, f.name) == getattr(outcome, f.name) for f in dataclasses.fields(outcome))
    assert type(copy.record) is type(outcome.record)  # the record stays a PackedJson (the column's bind knows it)
    _round_trip(outcome.raw)
    name, data = next(iter(generate_notices(1, seed=3)))
    notice = prepare(parse_document(data, name)[0], data, name)
    assert isinstance(_round_trip(notice), PreparedNotice)
    _round_trip(MemberRef("/tmp/a.zip", 10, 200, 900, 12345, True))


def test_every_field_is_an_init_parameter_in_order() -> None:
    for cls in (PreparedRaw, PreparedNotice, PreparedOutcome, MemberRef):
        fields = dataclasses.fields(cls)
        assert all(f.init for f in fields)
        assert cls.__slots__ == tuple(f.name for f in fields)
