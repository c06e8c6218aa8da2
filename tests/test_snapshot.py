"""Refactors keep the output byte-identical: the CSV over the seed, the sentence corpus (with
and without number-less dates), tests/latin/ and a 5 MB KazNERD-built corpus equals the stored
snapshot. A deliberate change of output regenerates it (python -m tests.snapshot.snapshot
--write) in a commit of its own that says why."""

import pytest

from tests.snapshot import snapshot


@pytest.mark.parametrize("name", snapshot.SETS)
def test_output_equals_the_snapshot(name: str) -> None:
    if not snapshot.available(name):
        pytest.skip(f"{snapshot.KAZNERD} is not here")
    data = snapshot.render(name)
    assert snapshot.matches(name, data), (
        f"the output over the {name} set changed; run python -m tests.snapshot.snapshot to see, "
        "and --write only for a deliberate change, in a commit of its own")
