"""Data built once per test module: the tree, one_of_each and a module's @shared fixtures.

See SharedData; tests/conftest.py hooks it into pytest-django's set-up of each test.
"""

import inspect
import sys
from functools import partial

import pytest
from django.core.cache import caches
from django.db import transaction
from django.db.models import Model
from django.test import TestCase
from pytest_django.fixtures import validate_django_db

from tests.page_tree import Tree, build_one_of_each, build_tree, ensure_locales


class SharedData:
    """The tree (~1,700 queries: every page gets its aliases in eight languages),
    one_of_each (~3,500 more) and a module's own @shared fixtures, built once per test
    module instead of once per test.

    They are layers: each is built inside a transaction that stays open, the next one on top,
    and each test runs in pytest-django's savepoint above them, rolled back after it. Before
    a test's database is set up (pytest_fixture_setup below), the layers it does not ask for
    are rolled back and those it asks for are built; the tests of a module are sorted so that
    each layer is built once (pytest_collection_modifyitems). What is left is rolled back when
    the module ends. A test gets the layers' objects fresh from the database (fresh()), so
    what it changes in memory stays its own. Transactional tests commit, so they see no
    layer: their fixtures build the data as they always did.
    """

    # What a layer's builder may ask for besides the layers below it.
    ARGUMENTS = {"django_capture_on_commit_callbacks": TestCase.captureOnCommitCallbacks}

    def __init__(self):
        self.builders = {"tree": build_tree, "one_of_each": build_one_of_each}
        self.layers = []  # [(key, atomic block, value)], innermost last
        self.fresh_objects = {}  # for the current test: built object's id, or row → fresh one
        self.emptied = False

    def value(self, key):
        return next((value for layer, _, value in self.layers if layer == key), None)

    def keys(self, item):
        """The layers a test uses: tree, one_of_each, its module's @shared fixtures."""
        names = set(getattr(item, "fixturenames", ()))
        marker = item.get_closest_marker("django_db")
        transactional, reset_sequences, *_ = validate_django_db(marker) if marker else (0, 0)
        if transactional or reset_sequences or {"transactional_db", "live_server"} & names:
            return ()
        if getattr(item, "cls", None) is not None and hasattr(item.cls, "_pre_setup"):
            return ()  # a Django TestCase class, which closes the connection when it ends
        module = getattr(getattr(item, "module", None), "__name__", "")
        return tuple(
            key
            for key in self.builders
            if key.rpartition("::")[2] in names
            and (key in ("tree", "one_of_each") or key.startswith(f"{module}::"))
        )

    def ensure(self, keys, blocker, module):
        """Exactly these layers, for a test about to start."""
        self.fresh_objects = {}
        same = 0
        while same < min(len(keys), len(self.layers)) and self.layers[same][0] == keys[same]:
            same += 1
        self.roll_back_to(same, blocker)
        if len(self.layers) == len(keys):
            return
        with blocker.unblock():
            for key in keys[same:]:
                block = transaction.atomic()
                block.__enter__()
                try:
                    value = self.build(key)
                except BaseException:
                    block.__exit__(*sys.exc_info())
                    raise
                self.layers.append((key, block, value))
                module.addfinalizer(partial(self.roll_back_to, len(self.layers) - 1, blocker))
        self.fresh_objects = {}
        for cache in caches.all():  # what building cached is not the test's
            cache.clear()

    def build(self, key):
        builder = self.builders[key]
        arguments = {}
        for name in inspect.signature(builder).parameters:
            if name == "locales":
                arguments[name] = ensure_locales()
            elif name in self.ARGUMENTS:
                arguments[name] = self.ARGUMENTS[name]
            else:  # a layer below
                arguments[name] = self.fresh(self.value(self.key(name, builder)))
        return builder(**arguments)

    def key(self, name, builder):
        return name if name in ("tree", "one_of_each") else f"{builder.__module__}::{name}"

    def fresh(self, value):
        """value with every model instance in it loaded again (one object per row and test)."""
        if isinstance(value, Model) and value.pk is not None:
            row = (type(value), value.pk)
            if row not in self.fresh_objects:
                self.fresh_objects[row] = type(value)._base_manager.get(pk=value.pk)
            return self.fresh_objects[row]
        if id(value) in self.fresh_objects:
            return self.fresh_objects[id(value)]
        if isinstance(value, Tree):  # a module's fixture adds to the test's one tree
            base = self.value("tree")
            result = object.__new__(Tree) if value is base else self.fresh(base)
            self.fresh_objects[id(value)] = result
            for name, item in vars(value).items():
                setattr(result, name, self.fresh(item))
        elif isinstance(value, (list, tuple, set)):
            result = type(value)(self.fresh(item) for item in value)
        elif isinstance(value, dict):
            result = {name: self.fresh(item) for name, item in value.items()}
        else:
            return value
        self.fresh_objects[id(value)] = result
        return result

    def roll_back_to(self, depth, blocker):
        with blocker.unblock():
            while len(self.layers) > depth:
                _, block, _ = self.layers.pop()
                transaction.set_rollback(True)
                block.__exit__(None, None, None)


def shared(builder):
    """@shared instead of @pytest.fixture: a module's fixture built once for the module.

    For fixtures that only add data on top of tree / one_of_each (the builder may ask for
    those, `locales` and django_capture_on_commit_callbacks); each test gets what it returned
    fresh from the database (see SharedData). Mail sent while building is not in a test's
    outbox.
    """
    names = list(inspect.signature(builder).parameters)
    key = f"{builder.__module__}::{builder.__name__}"
    known = {"locales", *SharedData.ARGUMENTS}
    unknown = [
        name
        for name in names
        if name not in known and SHARED.key(name, builder) not in SHARED.builders
    ]
    assert not unknown, f"@shared {builder.__name__} cannot ask for {unknown}: @pytest.fixture"
    SHARED.builders[key] = builder

    def fixture(request, **arguments):
        built = SHARED.value(key)
        return builder(**arguments) if built is None else SHARED.fresh(built)

    parameters = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY) for name in names]
    fixture.__signature__ = inspect.Signature(
        [inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD), *parameters]
    )
    fixture.__doc__ = builder.__doc__
    return pytest.fixture(name=builder.__name__)(fixture)


SHARED = SharedData()
