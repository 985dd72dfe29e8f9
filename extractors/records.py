"""A fast ``replace`` for the frozen, slotted records of the hot paths.

``dataclasses.replace`` re-runs ``__init__`` through a generic path (field list, init flags,
one ``getattr`` per field): measured here it was a quarter of the statement extractor's time.
For a frozen slotted dataclass without ``__post_init__`` and without ``init=False`` fields,
copying the slots and setting the changes gives the same value at a fraction of the cost;
anything else falls back to ``dataclasses.replace``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar

from parscore.normalizers.fastinit import SET_CLASS, mutable_twin, slot_setter

T = TypeVar("T")
#: The default of each keyword of a generated copy: the field keeps the original's value.
_KEEP: Any = object()


@cache
def _copier(cls: type) -> Callable[..., Any] | None:
    """Given a class, return a function copying an instance with changes, when that is safe
    (a frozen slotted dataclass, every field in ``__init__``, no ``__post_init__``), else None.

    The function is generated once per class, one keyword and one line per field (an unknown
    field is refused by the call itself, with no check of the names): reading ``obj.name``
    and setting the slot through its own setter (the member descriptor's ``__set__``, bound
    once) costs a fraction of ``getattr``/``setattr`` by name; setting it on the class's
    twin (``fastinit.mutable_twin``), one bytecode, costs half that again.
    """
    if not dataclasses.is_dataclass(cls) or "__slots__" not in cls.__dict__:
        return None
    if hasattr(cls, "__post_init__"):
        return None
    fields = dataclasses.fields(cls)
    if any(not f.init for f in fields):
        return None
    params = ", ".join(f"{f.name}=_KEEP" for f in fields)
    twin = mutable_twin(cls)  # made as its twin, switched to the class at the end (fastinit)
    lines = [f"def copy(_obj_, *, {params}):", f"    _copy_ = _new({'_twin' if twin else '_cls'})"]
    for f in fields:
        value = f"_obj_.{f.name} if {f.name} is _KEEP else {f.name}"
        line = f"    _copy_.{f.name} = {value}" if twin else f"    _s_{f.name}(_copy_, {value})"
        lines.append(line)
    lines += ["    _set_class(_copy_, _cls)"] if twin else []
    lines.append("    return _copy_")
    scope: dict[str, Any] = {"_new": object.__new__, "_cls": cls, "_KEEP": _KEEP}
    scope.update(_twin=twin, _set_class=SET_CLASS)
    setters = {f"_s_{f.name}": slot_setter(cls, f.name) for f in fields}
    if not all(setters.values()):
        return None
    scope.update(setters)
    exec("\n".join(lines), scope)
    copy: Callable[..., Any] = scope["copy"]
    return copy


@cache
def _field_names(cls: type) -> frozenset[str]:
    """Given a dataclass, return its field names."""
    return frozenset(f.name for f in dataclasses.fields(cls))


def replace(obj: T, /, **changes: Any) -> T:
    """Given a dataclass instance and field changes, return a new instance with them."""
    cls: type = type(obj)
    copy = _copier(cls)
    if copy is None:
        return dataclasses.replace(obj, **changes)  # type: ignore[type-var]
    try:
        result: T = copy(obj, **changes)  # a field not changed is passed as _KEEP
    except TypeError:
        unknown = ", ".join(sorted(set(changes) - _field_names(cls)))
        raise TypeError(f"{type(obj).__name__} has no field(s) {unknown}") from None
    return result
