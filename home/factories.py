"""Factories for home/'s pages, snippets, images and documents (factory_boy, wagtail-factories).

Used by the tests, the demo loader (demo/) and the benchmarks alike, so that a new required
field is added in one place. Every factory makes German content unless told otherwise.

    ImageFactory(title="Vorstand", file__width=40, file__height=30)
    StandardPageFactory(parent=home, title="Impressum")
"""

import factory
import wagtail_factories
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.models import Collection, Locale

from locales.languages import DEFAULT_LANGUAGE

from .models import (
    ContactPerson,
    District,
    FieldOfAction,
    FormPage,
    FundingNote,
    HomePage,
    SpokenLanguage,
    StandardPage,
    TargetGroup,
)


def german():
    return Locale.objects.get(language_code=DEFAULT_LANGUAGE)


def root_collection():
    return Collection.get_first_root_node()


class ImageFactory(wagtail_factories.ImageFactory):
    """A small PNG (12 × 8 by default) in the root collection; the only image maker."""

    title = "Bild"
    collection = factory.LazyFunction(root_collection)
    file = factory.django.ImageField(
        width=12,
        height=8,
        color="#336699",
        format="PNG",
        filename="bild.png",
    )


class DocumentFactory(wagtail_factories.DocumentFactory):
    title = "Satzung"
    collection = factory.LazyFunction(root_collection)
    file = factory.django.FileField(
        data=b"%PDF-1.4 test",
        filename="dokument.pdf",
    )


class TaxonomyFactory(DjangoModelFactory):
    """A German term; found by slug if it exists (taxonomies are shared, slugs unique)."""

    class Meta:
        abstract = True
        django_get_or_create = ("slug", "locale")

    name = factory.Sequence(lambda n: f"Begriff {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    locale = factory.LazyFunction(german)


def taxonomy_factory(model):
    """The factory of one taxonomy model: TaxonomyFactory with that model."""
    meta = type("Meta", (), {"model": model})
    return type(f"{model.__name__}Factory", (TaxonomyFactory,), {"Meta": meta})


FieldOfActionFactory = taxonomy_factory(FieldOfAction)
TargetGroupFactory = taxonomy_factory(TargetGroup)
DistrictFactory = taxonomy_factory(District)
SpokenLanguageFactory = taxonomy_factory(SpokenLanguage)


class ContactPersonFactory(DjangoModelFactory):
    class Meta:
        model = ContactPerson

    name = "Erika Beispiel"
    role = "Koordination"
    locale = factory.LazyFunction(german)


class FundingNoteFactory(DjangoModelFactory):
    class Meta:
        model = FundingNote

    title = "Landesprogramm"
    text = "Gefördert vom Land."
    locale = factory.LazyFunction(german)


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Startseite"


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = "Impressum"


class FormPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = FormPage

    title = "Anmeldung"
