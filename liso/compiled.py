"""Querysets compiled to SQL once per process, then run again with new values.

Django builds a queryset's SQL anew every time it runs. For the query every network page
makes (the member, their network and their roles, two tables and an aggregate) building
the SQL took longer than the database did: 0.9 of 1.3 ms. `CompiledOnce` builds the
queryset once per database with example values, keeps the SQL and Django's own compiler
(which knows the columns, their converters and the select_related joins), and runs it
again with the request's values in place of the examples. The rows become model instances
exactly as Django makes them (its own iterable classes), so a model field added later is read too.

Use it only for a hot query whose shape never changes; everything else stays plain ORM.
"""

import copy
from collections.abc import Callable
from functools import lru_cache, partial

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import QuerySet

# The examples for ids: no row has them, and no query uses them for anything else.
EXAMPLE_ID = -7_301_993
SECOND_EXAMPLE_ID = -7_301_997

# What a 64-bit id column can hold. An id from a URL may be longer; the ORM answers an
# exact lookup with it with no rows without asking the database, and so does a compiled
# query (SQLite's driver would refuse the value).
_ID_RANGE = range(-(2**63), 2**63)


class CompiledOnce:
    """`build(**examples)` gives the queryset; calling the object with the same keywords
    runs it with those values and returns what the queryset would: a list of instances, or
    of tuples for `values_list`. Each example must be a value nothing else in the query
    uses (an odd number, a string nobody types), so its places among the SQL's parameters
    can be found; it may appear in several places (the same network in each part of a
    union)."""

    def __init__(self, build: Callable[..., QuerySet], **examples):
        self._build = build
        self._examples = examples
        self._compiled = {}

    def __call__(self, **values) -> list:
        if values.keys() != self._examples.keys():
            raise TypeError(f"Expected the values {sorted(self._examples)}")
        if any(type(value) is int and value not in _ID_RANGE for value in values.values()):
            return []
        alias = DEFAULT_DB_ALIAS
        if alias not in self._compiled:
            self._compiled[alias] = self._compile(alias)
        queryset, compiler, sql, params = self._compiled[alias]
        filled = tuple(
            values[param.name] if isinstance(param, _Slot) else param for param in params
        )
        run = copy.copy(compiler)
        # The connection is per thread: run on this thread's, not the one that compiled.
        run.connection = connections[alias]
        run.as_sql = lambda *args, **kwargs: (sql, filled)
        query = copy.copy(queryset.query)
        query.get_compiler = lambda *args, **kwargs: run
        # A new QuerySet around the query (copying the queryset would run it).
        rerun = QuerySet(queryset.model, query, alias)
        rerun._iterable_class, rerun._fields = queryset._iterable_class, queryset._fields
        return list(rerun._iterable_class(rerun))

    def first(self, **values):
        """The first row of a run with these values, or None (for a query of one row)."""
        found = self(**values)
        return found[0] if found else None

    def _compile(self, alias):
        queryset = self._build(**self._examples).using(alias)
        compiler = queryset.query.get_compiler(using=alias)
        sql, params = compiler.as_sql()
        slots = {_key(value): _Slot(name) for name, value in self._examples.items()}
        params = [slots.get(_key(param), param) for param in params]
        found = {param.name for param in params if isinstance(param, _Slot)}
        if found != set(self._examples):
            raise ValueError(f"Each example must appear among the parameters: {found}")
        return queryset, compiler, sql, params


class CompiledPerDay:
    """`CompiledOnce` for a query whose SQL holds a day (today, or a day some weeks back):
    a day cannot be a slot, since the database layer may turn it into text first, so the
    query is compiled once for each day, and the last two days are kept. `build(day,
    **examples)` gives the queryset; call with the day and the values."""

    def __init__(self, build: Callable[..., QuerySet], **examples):
        self._for_day = lru_cache(maxsize=2)(
            lambda day: CompiledOnce(partial(build, day), **examples)
        )

    def __call__(self, day, **values) -> list:
        return self._for_day(day)(**values)

    def first(self, day, **values):
        return self._for_day(day).first(**values)


class _Slot:
    """The place of a value given at each run."""

    def __init__(self, name: str):
        self.name = name


def _key(value):
    # The type too: an example 7 must not match a parameter True or 7.0.
    try:
        return (type(value), hash(value), value)
    except TypeError:  # a list or a dict among the parameters: never an example
        return (type(value), id(value), None)
