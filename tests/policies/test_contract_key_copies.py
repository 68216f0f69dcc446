"""Import-light copies of contract keys (loading a policy imports no simulator) against the contracts they copy:
the dataset's feature keys (``sim.dataset.env_spec.record_features``, ``sim.dataset.schema.CAMERA_PREFIX``) and the
observation contract's keys (``sim.observation_contract.STATE_KEYS``)."""

from __future__ import annotations

from policies import bc, observation
from policies.visuomotor import data as visuomotor_data
from sim.dataset.env_spec import record_features
from sim.dataset.schema import CAMERA_PREFIX
from sim.observation_contract import STATE_KEYS


def test_the_policies_dataset_keys_are_features_armstack_records() -> None:
    recorded = {f.name for f in record_features(("j1",), ("red_cube",), ("time",))}
    assert {visuomotor_data.STATE_KEY, visuomotor_data.ACTION_KEY} <= recorded
    assert {bc._STATE, bc._ENV, bc._ACTION} <= recorded
    assert visuomotor_data.IMAGE_PREFIX == CAMERA_PREFIX


def test_the_observation_keys_policies_read_are_the_contracts() -> None:
    for keys in (observation._OBS_KEYS, visuomotor_data.PROPRIO_KEYS):
        assert set(keys) <= set(STATE_KEYS), set(keys) - set(STATE_KEYS)
    # observation.state is the proprioceptive keys in the contract's order.
    assert tuple(k for k in STATE_KEYS if k in visuomotor_data.PROPRIO_KEYS) == visuomotor_data.PROPRIO_KEYS
