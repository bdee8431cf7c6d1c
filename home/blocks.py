"""The shared StreamField blocks for every page type's body.

Small StructBlocks, each with a template and a preview, combined in one
BaseStreamBlock. Editors see German labels; visitors see what they wrote.
"""

import copy

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]
TABLE_CELL_FEATURES = ["bold", "italic", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading level 2")), ("h3", _("Heading level 3"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "home/blocks/heading.html"
        preview_value = {"text": "Aufgabenschwerpunkte", "level": "h2"}
        description = _("A section heading; level 2 for sections, 3 for sub-sections.")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    speaker = blocks.CharBlock(label=_("Speaker"), max_length=200)
    role = blocks.CharBlock(label=_("Role"), max_length=200, required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "home/blocks/quote.html"
        preview_value = {
            "text": "Die Vereine erreichen Menschen, die wir sonst nicht erreichen.",
            "speaker": "Erika Beispiel",
            "role": "Integrationsbeauftragte",
        }
        description = _("A quotation with the name and role of the person quoted.")


ALT_TEXT_HELP = _(
    "What the image shows, for people who cannot see it, in the words of this page "
    "(translated with the page). Empty: the image's own description."
)


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alt text"), max_length=300, required=False, help_text=ALT_TEXT_HELP
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=300, required=False)
    credit = blocks.CharBlock(label=_("Photo credit"), max_length=200, required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "home/blocks/image.html"
        description = _(
            "An image with its alt text, caption and credit; "
            "all three are translated with the page."
        )


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document download")
        template = "home/blocks/document.html"
        description = _("A link to download a document, with its file type and size.")


class FAQItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=300)
    answer = blocks.RichTextBlock(label=_("Answer"), features=RICH_TEXT_FEATURES)


class AccordionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200, required=False)
    items = blocks.ListBlock(FAQItemBlock(), label=_("Questions"))

    class Meta:
        icon = "list-ul"
        label = _("FAQ / accordion")
        template = "home/blocks/accordion.html"
        preview_value = {
            "title": "Häufige Fragen",
            "items": [{"question": "Wer kann mitmachen?", "answer": "<p>Alle Vereine.</p>"}],
        }
        description = _("Questions and answers that open and close.")


class PersonChooserBlock(SnippetChooserBlock):
    """Reads the people with their photos: one query for every contact card of a page, where
    Wagtail's chooser reads a photo per card. Routing fetches the photos' renditions with
    those of every image on the page (home.routing)."""

    # In migrations it stays Wagtail's SnippetChooserBlock: only the reading differs.
    canonical_module_path = "wagtail.snippets.blocks.SnippetChooserBlock"

    def bulk_to_python(self, values):
        people = self.model_class.objects.select_related("photo").in_bulk(values)
        result, seen = [], set()
        for pk in values:
            person = people.get(pk)
            result.append(copy.copy(person) if person is not None and pk in seen else person)
            seen.add(pk)
        return result


class ContactPersonBlock(blocks.StructBlock):
    person = PersonChooserBlock("home.ContactPerson", label=_("Contact person"))

    class Meta:
        icon = "user"
        label = _("Contact person")
        template = "home/blocks/contact_person.html"
        description = _("A contact card from the list of contact persons.")


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("info", _("Information")), ("important", _("Important")), ("tip", _("Tip"))],
        default="info",
    )
    title = blocks.CharBlock(label=_("Title"), max_length=200, required=False)
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        label = _("Call-out")
        template = "home/blocks/callout.html"
        preview_value = {
            "kind": "tip",
            "title": "Tipp",
            "text": "<p>Laden Sie drei Wochen vorher ein.</p>",
        }
        description = _("A highlighted box for tips and important notes.")


class TableRowBlock(blocks.StructBlock):
    cells = blocks.ListBlock(
        blocks.RichTextBlock(features=TABLE_CELL_FEATURES, required=False), label=_("Cells")
    )


class TableBlock(blocks.StructBlock):
    """A table of short texts and links, translatable cell by cell.

    Made of StructBlocks, ListBlocks and rich text rather than
    wagtail.contrib.table_block, whose cells wagtail-localize does not offer
    to translators.
    """

    caption = blocks.CharBlock(label=_("Table caption"), max_length=300, required=False)
    header_row = blocks.BooleanBlock(label=_("First row is a header"), required=False, default=True)
    rows = blocks.ListBlock(TableRowBlock(), label=_("Rows"))

    class Meta:
        icon = "table"
        label = _("Table")
        template = "home/blocks/table.html"
        preview_value = {
            "caption": "Sprechzeiten",
            "header_row": True,
            "rows": [
                {"cells": ["<p>Tag</p>", "<p>Uhrzeit</p>"]},
                {"cells": ["<p>Montag</p>", "<p>10–12 Uhr</p>"]},
            ],
        }
        description = _("A table of text and links; the first row can be its header.")


class HardWordBlock(blocks.StructBlock):
    """Leichte Sprache: a hard word, explained where it is first used."""

    word = blocks.CharBlock(label=_("Hard word"), max_length=100)
    explanation = blocks.TextBlock(
        label=_("Explanation"), help_text=_("Short sentences. One sentence per line.")
    )

    class Meta:
        icon = "help"
        label = _("Hard word explained")
        template = "home/blocks/hard_word.html"
        preview_value = {
            "word": "Beratung",
            "explanation": "Bei einer Beratung stellen Sie Fragen.\nEine Fachkraft hilft Ihnen.",
        }
        description = _("For texts in Leichte Sprache: a hard word and what it means.")


class SignLanguageVideoBlock(blocks.StructBlock):
    """A video in German Sign Language (DGS), played from this site's own documents.

    No third-party player and nothing loaded before the visitor presses play
    (preload="none", no poster); the captions and the transcript say the same in text.
    """

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    video = DocumentChooserBlock(label=_("Video file (MP4 or WebM)"))
    captions = DocumentChooserBlock(label=_("Captions (WebVTT file, .vtt)"))
    transcript = blocks.TextBlock(label=_("Transcript"))

    class Meta:
        icon = "media"
        label = _("Sign language video")
        template = "home/blocks/sign_language_video.html"
        description = _("A video in German Sign Language with captions and a transcript.")


class EasyLanguageLinksBlock(blocks.StructBlock):
    """Links to the Leichte Sprache versions of the chosen pages (those that have one)."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    pages = blocks.ListBlock(blocks.PageChooserBlock(label=_("Page")), label=_("Pages"))

    class Meta:
        icon = "link"
        label = _("Links to texts in Leichte Sprache")
        template = "home/blocks/easy_language_links.html"
        description = _("Links each chosen page's version in Leichte Sprache.")

    def get_context(self, value, parent_context=None):
        from .easy_language import easy_language_versions

        context = super().get_context(value, parent_context)
        context["easy_pages"] = easy_language_versions(value["pages"])
        return context


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        icon="pilcrow",
        features=RICH_TEXT_FEATURES,
        template="home/blocks/paragraph.html",
        preview_value="<p>Ein Absatz mit <b>Text</b>.</p>",
        description=_("Text with lists and links."),
    )
    quote = QuoteBlock()
    image = CaptionedImageBlock()
    document = DocumentBlock()
    accordion = AccordionBlock()
    contact_person = ContactPersonBlock()
    callout = CalloutBlock()
    table = TableBlock()
    hard_word = HardWordBlock()
    sign_language_video = SignLanguageVideoBlock()
    easy_language_links = EasyLanguageLinksBlock()
