"""Random sequences of intake, loans, returns (whole and partial), losses and copies:
a set is never both in and out, no count goes below zero, the open loan is there exactly
while pieces are out, and every movement is in the audit trail (the witness holds every
operation to the rows it wrote)."""

from __future__ import annotations

import contextlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk_app.core.errors import ValidationError
from desk_app.services.keys import loans, registry
from desk_app.services.keys.loans import Borrower, LoanInput
from desk_app.services.keys.registry import KeySetInput
from desk_app.storage import audit, row_hashes
from tests.builders.keys import keys_estate, supervisor_approval

TYPES = ("防盗铁门", "室内门", "信报箱")
pieces = st.dictionaries(st.sampled_from(TYPES), st.integers(1, 3), min_size=1, max_size=3)
steps = st.lists(
    st.one_of(
        st.tuples(st.just("lend"), st.none() | pieces),
        st.tuples(st.just("return"), st.none() | pieces),
        st.tuples(st.just("lost"), pieces),
        st.tuples(st.just("replace"), pieces),
    ),
    max_size=12,
)


def _apply(desk, set_id, step, approval):
    action, wanted = step
    if action == "lend":
        loan = LoanInput(Borrower(name="李四", kind="员工"), "检修", wanted)
        loans.lend(desk, set_id, loan, approval)
    elif action == "return":
        loans.return_keys(desk, set_id, wanted)
    elif action == "lost":
        loans.report_lost(desk, set_id, wanted, "丢失", approval)
    else:
        loans.replace(desk, set_id, wanted, "补配", approval)


def _check(desk, set_id):
    row = registry.key_set(desk, set_id)
    counts = registry.pieces(desk, set_id)
    assert all(p.held >= 0 and p.out >= 0 for p in counts)
    out = sum(p.out for p in counts)
    held = sum(p.held for p in counts)
    assert row.state == ("out" if out else "in" if held else "empty")
    assert (row.loan_id is not None) == (out > 0) == (row.due_back is not None)


def test_random_movements_keep_every_set_consistent_and_audited(staffed_desk):
    desk = keys_estate(staffed_desk)
    approval = supervisor_approval(desk)

    @settings(
        max_examples=40,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(intake=pieces, sequence=steps)
    def run(intake, sequence):
        key = registry.create_set(desk, KeySetInput("接管", intake, unit="3-1-101")).value
        _check(desk, key.id)
        for step in sequence:
            with contextlib.suppress(ValidationError):  # refused: nothing written
                _apply(desk, key.id, step, approval)
            _check(desk, key.id)

    run()
    # every movement, piece and set recorded in the chain exactly as it stands
    assert row_hashes.problems(desk.db).count == 0
    assert audit.verify_chain(desk.db).ok
