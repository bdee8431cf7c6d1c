"""Profile proposals: from the public form to a moderator's decision and a new revision.

1. submit() stores what was sent (ProfileProposal; the logo waits in private storage).
2. A moderator sees the proposal as a diff against the live entry (diff_rows) on its
   admin page and approves or rejects it there (submissions.profile_admin).
3. approve() writes the changes into a new revision of the organisation's page and
   publishes it, or creates the page of a new organisation. Fields the languages share
   (terms, district, links, website, logo) go to the German page, which every
   translation follows; texts go to the page in the language they were written in
   where it is a translation of its own, else to the German page only when they are
   German (a translator brings them into the other languages).
4. The submitter is e-mailed either way, in their language (through the task queue).
"""

import logging

from django.conf import settings
from django.core.files.images import ImageFile
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.coreutils import find_available_slug
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.rich_text import RichText

from home.models import District
from locales.languages import DEFAULT_LANGUAGE
from locales.utils import active_language_code, translation_map
from organisations.models import OrganisationIndexPage, OrganisationLink, OrganisationPage

from .models import ProfileProposal
from .profile_forms import TERMS, ProfileProposalForm
from .services import paragraphs, title_slug

logger = logging.getLogger(__name__)
TEXT_FIELDS = ["name", "summary", "description", "meeting_times"]
SHARED_FIELDS = [*TERMS, "district", "web_address", "links"]


# --------------------------------------------------------------------------- values


def live_values(page):
    """The entry's values in the form of ProfileProposal.data (ids for terms)."""
    return {
        "name": page.title,
        "summary": page.summary,
        "description": " ".join(strip_tags(str(page.body)).split()),
        "meeting_times": page.meeting_times,
        **{name: sorted(getattr(page, name).values_list("pk", flat=True)) for name in TERMS},
        "district": page.district_id,
        "web_address": page.website,
        "links": [[link.label, link.url] for link in page.links.all()],
    }


def sent_values(form):
    data = form.cleaned_data
    values = {name: data[name] for name in [*TEXT_FIELDS, "web_address", "contact_persons"]}
    values.update({name: sorted(term.pk for term in data[name]) for name in TERMS})
    values["district"] = data["district"].pk if data["district"] else None
    values["links"] = [list(link) for link in data["links"]]
    return values


def form_initial(page):
    """The live entry as the form's initial values, so that only changes need typing."""
    values = live_values(page)
    values["links"] = "\n".join(f"{label} {url}" for label, url in values["links"])
    return {**values, "organisation": page.pk}


# --------------------------------------------------------------------------- storing


def submit(form):
    data = form.cleaned_data
    organisation = data.get("organisation")
    proposal = ProfileProposal(
        language=active_language_code(),
        organisation=organisation,
        name=data["name"],
        data=sent_values(form),
        contact_name=data["contact_name"],
        contact_email=data["contact_email"],
        contact_phone=data["contact_phone"],
    )
    with transaction.atomic():
        if data.get("logo"):
            proposal.logo_file.save(f"logo.{form.logo_extension}", data["logo"], save=False)
        proposal.save()
        transaction.on_commit(lambda: send_to_submitter(proposal, "received"))
    return proposal


# --------------------------------------------------------------------------- the diff


def readable(name, value, labels):
    """A value of ProfileProposal.data as text; labels: {(model name, pk): term}."""
    if name in TERMS:
        model = TERMS[name].__name__
        return ", ".join(str(labels.get((model, pk), pk)) for pk in value) or "–"
    if name == "district":
        return str(labels.get(("District", value), "–")) if value else "–"
    if name == "links":
        return "\n".join(" ".join(link) for link in value) or "–"
    return value or "–"


def term_labels(*values):
    """{(model name, pk): term in the moderator's language} for the terms named in values."""
    terms = []
    for name, model in [*TERMS.items(), ("district", District)]:
        ids = set()
        for data in values:
            value = data.get(name)
            ids.update(value if isinstance(value, list) else [value] if value else [])
        terms += list(model.objects.filter(pk__in=ids))
    localized = translation_map(terms)
    return {
        (type(term).__name__, term.pk): localized.get(term.translation_key, term) for term in terms
    }


def diff_rows(proposal):
    """(label, live, proposed, changed) for every field, in the moderator's language."""
    live = live_values(proposal.organisation) if proposal.organisation else {}
    labels = term_labels(live, proposal.data)
    fields = ProfileProposalForm.base_fields
    rows = []
    for name in [*TEXT_FIELDS, *SHARED_FIELDS, "contact_persons"]:
        before = readable(name, live.get(name, [] if name in TERMS else ""), labels)
        after = readable(name, proposal.data.get(name, ""), labels)
        rows.append((fields[name].label, before, after, before != after))
    return rows


# --------------------------------------------------------------------------- decisions


def decide(proposal, status, **fields):
    proposal.status, proposal.decided_at = status, timezone.now()
    for name, value in fields.items():
        setattr(proposal, name, value)
    proposal.save(update_fields=["status", "decided_at", *fields])


def approve(proposal, user):
    """Publish the proposal as a new revision (or a new page); returns the German page."""
    with transaction.atomic():
        source = proposal.organisation
        if source is None:
            page = create_organisation(proposal)
        else:
            page = source.get_latest_revision_as_object()
        apply_shared(page, proposal)
        texts_here = proposal.language == DEFAULT_LANGUAGE or source is None
        if texts_here:
            apply_texts(page, proposal.data)
        publish(page, user)
        if not texts_here:
            translated = translated_page(source, proposal.language)
            if translated is not None:
                apply_texts(translated, proposal.data)
                publish(translated, user)
        decide(proposal, ProfileProposal.Status.APPROVED, published_page=page)
        transaction.on_commit(lambda: send_to_submitter(proposal, "approved"))
    return page


def reject(proposal, message):
    decide(proposal, ProfileProposal.Status.REJECTED, rejection_reason=message)
    transaction.on_commit(lambda: send_to_submitter(proposal, "rejected"))


def create_organisation(proposal):
    index = OrganisationIndexPage.objects.filter(locale__language_code=DEFAULT_LANGUAGE).first()
    page = OrganisationPage(
        title=proposal.name,
        slug=title_slug(proposal.name),
        summary=proposal.data["summary"],
        live=False,
    )
    page.slug = find_available_slug(index, page.slug)
    index.add_child(instance=page)
    return page


def translated_page(source, language):
    """The source's translation into language, unless it is only an alias of it."""
    page = OrganisationPage.objects.filter(
        translation_key=source.translation_key, locale__language_code=language
    ).first()
    if page is None or page.alias_of_id:
        return None
    return page.get_latest_revision_as_object()


def apply_texts(page, data):
    page.title = data["name"]
    page.summary = data["summary"]
    page.meeting_times = data["meeting_times"]
    if data["description"]:
        page.body = [("paragraph", RichText(paragraphs(data["description"])))]


def apply_shared(page, proposal):
    data = proposal.data
    for name, model in TERMS.items():
        setattr(page, name, list(model.objects.filter(pk__in=data[name])))
    page.district_id = data["district"]
    page.website = data["web_address"]
    page.links = [OrganisationLink(label=label, url=url) for label, url in data["links"]]
    if proposal.logo_file:
        page.logo = publish_logo(proposal)


def publish(page, user):
    revision = page.save_revision(user=user, log_action=True)
    # The moderator's right to decide was checked (submissions.moderate_profileproposal);
    # Wagtail records the publication under their name.
    revision.publish(user=user, skip_permission_checks=True)


def publish_logo(proposal):
    extension = proposal.logo_file.name.rsplit(".", 1)[-1]
    with proposal.logo_file.open("rb") as private_file:
        image = get_image_model().objects.create(
            title=Truncator(proposal.name).chars(250),
            collection=Collection.get_first_root_node(),
            file=ImageFile(private_file, name=f"logo-{proposal.pk}.{extension}"),
        )
    proposal.logo_file.delete(save=False)
    proposal.save(update_fields=["logo_file"])
    return image


# --------------------------------------------------------------------------- e-mail


def send_to_submitter(proposal, kind):
    """Received, approved or rejected: in the language the proposal was written in."""
    if not proposal.contact_email:
        return
    with translation.override(proposal.language):
        page = proposal.published_page or proposal.organisation
        context = {
            "proposal": proposal,
            "page_url": page.full_url if page and page.live else "",
            "retention_days": settings.PROFILE_PROPOSAL_RETENTION_DAYS,
        }
        subject = render_to_string(f"submissions/emails/profile_{kind}_subject.txt", context)
        body = render_to_string(f"submissions/emails/profile_{kind}.txt", context)
    try:
        send_mail(subject.strip(), body, None, [proposal.contact_email])
    except OSError:
        logger.exception("Could not e-mail %s about %s", kind, proposal.reference)
