"""A line name's requirements come in one order whatever Python's hash seed: their reasons are exported in that
order, so exports of the same data must be identical between runs."""

from __future__ import annotations

import subprocess
import sys

NAME = "Коммутатор управляемый L3, 48 портов 1G PoE+, 6 SFP+, Wi-Fi, VPN, NFC, HDMI, DisplayPort"
SCRIPT = f"from matching.namegrammar import name_requirements; print([r.name for r in name_requirements({NAME!r})])"


def test_the_order_does_not_follow_the_hash_seed() -> None:
    orders = {
        subprocess.run([sys.executable, "-c", SCRIPT], env={"PYTHONHASHSEED": str(seed)}, capture_output=True,
                       text=True, check=True).stdout
        for seed in (1, 2, 3, 4, 5)
    }  # fmt: skip
    assert len(orders) == 1
