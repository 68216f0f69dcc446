"""The one config loader: unknown keys, wrong types and bad files are one-line errors of the caller's class."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from sim.config_io import from_mapping, load_config
from sim.errors import ConfigError, UnknownNameError


class PackageError(Exception):
    """Stands for a package's own error class (TrainConfigError, ParameterError, ...)."""


@dataclass(frozen=True, kw_only=True)
class Settings:
    name: str = "a"
    sizes: tuple[int, ...] = (1,)
    seeds: tuple[int, ...] | None = None
    rate: float = 1.0

    def __post_init__(self) -> None:
        if self.name == "unknown":
            raise UnknownNameError("thing", self.name, ["a", "b"])
        if self.rate <= 0:
            raise PackageError(f"rate must be > 0, got {self.rate}")


def test_lists_become_tuples_also_in_optional_tuple_fields() -> None:
    s = from_mapping(Settings, {"sizes": [2, 3], "seeds": [4]})
    assert s.sizes == (2, 3) and s.seeds == (4,)


def test_errors_keep_their_message_and_take_the_callers_class() -> None:
    with pytest.raises(ConfigError, match=r"^where: unknown key\(s\) 'size'; valid keys: name, rate, seeds, sizes$"):
        from_mapping(Settings, {"size": 1}, where="where")
    with pytest.raises(PackageError, match=r"^where: unknown key\(s\) 'size'; valid keys"):
        from_mapping(Settings, {"size": 1}, where="where", error=PackageError)
    with pytest.raises(PackageError, match=r"^Settings: sizes must be a list, got str 'abc'$"):
        from_mapping(Settings, {"sizes": "abc"}, check_types=True, error=PackageError)
    with pytest.raises(PackageError, match=r"expected a mapping, got list"):
        from_mapping(Settings, [1], error=PackageError)  # type: ignore[arg-type]
    # A sim error from the config's own checks takes the caller's class; the caller's own errors pass as they are.
    with pytest.raises(PackageError, match=r"unknown thing 'unknown'; valid options: a, b"):
        from_mapping(Settings, {"name": "unknown"}, error=PackageError)
    with pytest.raises(UnknownNameError):
        from_mapping(Settings, {"name": "unknown"})
    with pytest.raises(PackageError, match="rate must be > 0"):
        from_mapping(Settings, {"rate": 0})


def test_load_config_reads_a_file_with_overrides_on_top(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    path.write_text("name: b\nsizes: [5]\n")
    assert load_config(Settings, path, {"name": "a"}) == Settings(name="a", sizes=(5,))
    assert load_config(Settings, None, {"rate": 2}) == Settings(rate=2)
    (tmp_path / "empty.yaml").write_text("")
    assert load_config(Settings, tmp_path / "empty.yaml") == Settings()
    path.write_text("- name\n")
    with pytest.raises(PackageError, match=r"settings.yaml: expected a mapping of Settings fields, got list"):
        load_config(Settings, path, error=PackageError)
    path.write_text("name: [unclosed\n")
    with pytest.raises(PackageError, match=r"settings.yaml: invalid YAML"):
        load_config(Settings, path, error=PackageError)
    with pytest.raises(PackageError, match=r"missing.yaml does not exist"):
        load_config(Settings, tmp_path / "missing.yaml", error=PackageError)
    path.write_text("nmae: b\n")
    with pytest.raises(PackageError, match=r"settings.yaml: unknown key\(s\) 'nmae'"):
        load_config(Settings, path, error=PackageError)


def test_any_sequence_but_a_string_is_a_list() -> None:
    import array

    assert from_mapping(Settings, {"sizes": array.array("q", [2, 3])}, check_types=True).sizes == (2, 3)
    with pytest.raises(ConfigError, match="sizes must be a list, got str"):
        from_mapping(Settings, {"sizes": "23"}, check_types=True)
