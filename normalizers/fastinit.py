"""A faster ``__init__`` for the frozen, slotted records made by the thousand on hot paths.

A frozen dataclass sets each field in ``__init__`` through ``object.__setattr__`` looked up
by name (``__dataclass_builtins_object__.__setattr__(self, 'kind', kind)``): a token of
two dozen fields costs microseconds. Calling each slot's own setter (its member
descriptor's ``__set__``, bound once) sets the same slots in about two thirds of the time.
The record stays frozen (assignment still raises), and equality, hashing, ``repr``,
defaults and the signature are the dataclass's own.

Only a frozen slotted dataclass whose fields are all in ``__init__``, without
``__post_init__``, is changed (a ``default_factory`` is called as the dataclass calls it,
for each record not given the field); any other class is returned as it is (``fast_init``
never changes what a record means, only how fast it is made).

Faster still, a new record is switched for a moment to its *twin*, a plain class with the
same slots (``mutable_twin``): there each field is set by one specialised bytecode instead of
a call, and the record is switched back before ``__init__`` returns (half the time again for
a token). A class whose layout the twin cannot share keeps the setters.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from types import MemberDescriptorType
from typing import Any, TypeVar

T = TypeVar("T")


def slot_setter(cls: type, name: str) -> Callable[[Any, Any], None] | None:
    """Given a class and a field name, return the setter of the slot holding that field
    (the member descriptor's ``__set__``, which a frozen class's ``__setattr__`` does not
    guard), or None when no slot holds it."""
    found = next((k.__dict__[name] for k in cls.__mro__ if name in k.__dict__), None)
    return found.__set__ if isinstance(found, MemberDescriptorType) else None


#: Sets an object's class (``obj.__class__ = …``) past a frozen class's ``__setattr__``.
SET_CLASS: Callable[[Any, type], None] = object.__dict__["__class__"].__set__


def mutable_twin(cls: type) -> type | None:
    """Given a frozen slotted dataclass, return a plain class with the same slots that its
    instances can be switched to and back (``SET_CLASS``), or None when they cannot (a base
    class of its own, a private field name). One twin per class."""
    if cls not in _TWINS:
        _TWINS[cls] = _make_twin(cls)
    return _TWINS[cls]


#: The twin of each class asked (None: it has none).
_TWINS: dict[type, type | None] = {}


def _make_twin(cls: type) -> type | None:
    """Given a frozen slotted dataclass, return a new twin class for it, or None."""
    slots = cls.__dict__.get("__slots__")
    if cls.__bases__ != (object,) or not isinstance(slots, tuple):
        return None
    if any(name.startswith("__") for name in slots):
        return None
    twin = type(f"_{cls.__name__}Slots", (), {"__slots__": slots, "__module__": cls.__module__})
    probe: object = object.__new__(twin)
    try:
        SET_CLASS(probe, cls)
        SET_CLASS(probe, twin)
    except TypeError:  # the layouts differ after all
        return None
    return twin


#: The default of a field with a ``default_factory``: the field was not given.
_FACTORY: Any = object()


def _plain(cls: type) -> bool:
    """Given a class, return whether a slot-setting ``__init__`` gives the dataclass's own."""
    if not dataclasses.is_dataclass(cls) or "__slots__" not in cls.__dict__:
        return False
    params = getattr(cls, "__dataclass_params__", None)
    if params is None or not params.frozen or hasattr(cls, "__post_init__"):
        return False
    fields = dataclasses.fields(cls)
    return all(f.init and slot_setter(cls, f.name) for f in fields)


def _init_source(fields: tuple[dataclasses.Field[Any], ...], twin: bool) -> str:
    """Given a record's fields and whether its class has a twin, return the source of its
    ``__init__`` (positional fields first, as the dataclass orders them; slots set on the
    twin, else by their bound setters; a subclass's instance is never switched)."""
    positional = [f for f in fields if not f.kw_only]
    keyword = [f for f in fields if f.kw_only]

    def param(f: dataclasses.Field[Any]) -> str:
        if f.default_factory is not dataclasses.MISSING:
            return f"{f.name}=_FACTORY_"
        return f.name if f.default is dataclasses.MISSING else f"{f.name}=_d_{f.name}"

    def value(f: dataclasses.Field[Any]) -> str:
        if f.default_factory is not dataclasses.MISSING:
            return f"_f_{f.name}() if {f.name} is _FACTORY_ else {f.name}"
        return f.name

    params = ["_obj_", *map(param, positional), *(["*", *map(param, keyword)] if keyword else [])]
    body = [f"    _s_{f.name}(_obj_, {value(f)})" for f in fields] or ["    pass"]
    if twin and fields:
        switched = [f"        _obj_.{f.name} = {value(f)}" for f in fields]
        body = [
            "    if type(_obj_) is _cls_:",
            "        _set_class_(_obj_, _twin_)",
            *switched,
            "        _set_class_(_obj_, _cls_)",
            "        return",
            *body,
        ]
    return f"def __init__({', '.join(params)}):\n" + "\n".join(body)


def fast_init(cls: type[T]) -> type[T]:
    """Given a frozen slotted dataclass, return it with an ``__init__`` that sets its slots
    directly (the class unchanged when that could differ from the dataclass's own)."""
    if not _plain(cls):
        return cls
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    scope: dict[str, Any] = {f"_s_{f.name}": slot_setter(cls, f.name) for f in fields}
    defaults = {f"_d_{f.name}": f.default for f in fields if f.default is not dataclasses.MISSING}
    factories = {f"_f_{f.name}": f.default_factory for f in fields}
    scope.update(defaults, **factories, _FACTORY_=_FACTORY)
    twin = mutable_twin(cls)
    scope.update(_cls_=cls, _twin_=twin, _set_class_=SET_CLASS)
    exec(_init_source(fields, twin is not None), scope)  # the source names fields only
    init = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    init.__doc__ = cls.__init__.__doc__
    cls.__init__ = init  # type: ignore[method-assign]
    return cls
