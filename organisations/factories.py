"""Factories for the directory: index, organisations, committees and their kinds."""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from home.factories import german, taxonomy_factory

from .models import Committee, CommitteeKind, OrganisationIndexPage, OrganisationPage


class OrganisationIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = OrganisationIndexPage

    title = "Organisationen"


class OrganisationPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = OrganisationPage

    title = "Türkischer Elternverein"
    summary = factory.LazyAttribute(lambda o: f"{o.title} stellt sich vor.")


CommitteeKindFactory = taxonomy_factory(CommitteeKind)


class CommitteeFactory(DjangoModelFactory):
    class Meta:
        model = Committee

    name = "Integrationsrat"
    kind = factory.SubFactory(CommitteeKindFactory, name="Beirat")
    level = Committee.Level.MUNICIPAL
    locale = factory.LazyFunction(german)
