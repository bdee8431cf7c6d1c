"""PDFs of news, event and guidance pages (syndication/pdf.py), read back with pypdf."""

from io import BytesIO

import pytest
from pypdf import PdfReader
from wagtail.models import PageViewRestriction

from .conftest import html_attrs, make_contact, make_image, rich_body, shared

PDF_TYPES = ["NewsPage", "EventPage", "GuidancePage"]

# Arabic with lam-alef (لا), which shaping must join into one glyph, and a Farsi line.
ARABIC_TITLE = "دليل الاندماج للجمعيات"
ARABIC_LEAD = "كيف تؤسس جمعية في مدينتك خطوة بخطوة"


def read_pdf(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(BytesIO(response.content))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def fonts_and_glyph_maps(reader):
    """{font name: ToUnicode map} of every font the PDF uses."""
    found = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            to_unicode = font.get("/ToUnicode")
            data = to_unicode.get_object().get_data().decode() if to_unicode else ""
            found[str(font["/BaseFont"]).split("+")[-1]] = data.upper()
    return found


def intro_field(page_type):
    return {"NewsPage": "teaser", "EventPage": "teaser", "GuidancePage": "intro"}[page_type]


@shared
def pages(tree):
    """A news, an event and a guidance page with images, a document and a contact."""
    image = make_image("Gruppenfoto")
    body = rich_body(image, None, make_contact(photo=image, email="erika@example.org"))
    return {
        "NewsPage": tree.news_item("Gemeinsame Pressemitteilung", lead_image=image, body=body),
        # with the registration form, whose CSRF token must not become the PDF's cookie
        "EventPage": tree.event(
            "Interkulturelles Frühstück", image=image, body=body, registration_enabled=True
        ),
        "GuidancePage": tree.guidance_page("Vereinsgründung", body=body),
        "OrganisationPage": tree.organisation("Elternverein Mitte"),
        "StandardPage": tree.standard("Über uns"),
        "NewsIndexPage": tree.news,
    }


@pytest.fixture
def pdf_page(request, pages):
    return pages[request.param]


@pytest.mark.parametrize("pdf_page", PDF_TYPES, indirect=True)
def test_german_page_as_pdf(client, pdf_page):
    page = client.get(pdf_page.url)
    link = f"{pdf_page.url.rstrip('/')}.pdf"
    assert f'<a href="{link}" type="application/pdf">PDF herunterladen</a>' in page.content.decode()
    response = client.get(link)
    reader, text = read_pdf(response)
    assert pdf_page.title in text
    assert getattr(pdf_page, intro_field(pdf_page.specific_class.__name__)) in text
    assert "Hauptnavigation" not in text and "Suche" not in text  # print hides the header
    assert "War diese Seite hilfreich?" not in text  # … and the feedback form
    assert reader.metadata.title.startswith(pdf_page.title)
    assert any(page.images for page in reader.pages)  # the page's images, from the storage
    assert response["Content-Disposition"] == f'attachment; filename="{pdf_page.slug}.pdf"'
    assert "public" in response["Cache-Control"] and not response.cookies
    assert response["X-Page-Cache"] == "miss"  # stored: the next one comes from the cache


@pytest.mark.parametrize("pdf_page", PDF_TYPES, indirect=True)
def test_arabic_page_as_pdf_in_logical_order_and_shaped(client, tree, pdf_page):
    name = pdf_page.specific_class.__name__
    fields = {"title": ARABIC_TITLE, intro_field(name): ARABIC_LEAD, "slug": pdf_page.slug}
    arabic = tree.translate(pdf_page, "ar", **fields)
    assert html_attrs(client.get(arabic.url).content.decode(), "html")["dir"] == "rtl"
    reader, text = read_pdf(client.get(f"{arabic.url.rstrip('/')}.pdf"))
    # Read back in the order it is written: right-to-left layout, reversed by the reader.
    assert ARABIC_TITLE in text
    assert ARABIC_LEAD in text
    assert "تنزيل بصيغة PDF" not in text  # the link itself is left out of print
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "ar" and "/StructTreeRoot" in root  # tagged, for screen readers
    fonts = fonts_and_glyph_maps(reader)
    arabic_fonts = [name for name in fonts if "Arabic" in name]
    assert arabic_fonts, f"no Arabic font (apt-get install fonts-noto-core): {list(fonts)}"
    # Shaped: lam and alef are drawn as one ligature glyph that stands for both letters.
    assert any("06440627" in fonts[name] for name in arabic_fonts)


def test_farsi_alias_has_farsi_interface_around_the_german_text(client, pages, tree):
    news = tree.in_language(pages["NewsPage"], "fa")
    _, text = read_pdf(client.get(f"{news.url.rstrip('/')}.pdf"))
    assert news.title in text  # the German original, not yet translated
    # The Farsi interface around it (a zero-width non-joiner draws nothing: read back as nothing)
    assert "آخرین به\u200cروزرسانی".replace("\u200c", "") in text  # "Last updated"
    assert "این صفحه هنوز به فارسی ترجمه نشده است" in text  # "… not yet translated …"


def test_pdf_is_cached_until_the_page_changes(client, pages):
    news = pages["NewsPage"]
    link = f"{news.url.rstrip('/')}.pdf"
    first = client.get(link)
    assert first["X-Page-Cache"] == "miss"
    second = client.get(link)
    assert second["X-Page-Cache"] == "hit" and second.content == first.content
    assert client.get(link, HTTP_IF_NONE_MATCH=second["ETag"]).status_code == 304
    news.title = "Neuer Titel der Meldung"
    news.save_revision().publish()
    _, text = read_pdf(client.get(link))
    assert "Neuer Titel der Meldung" in text


def test_query_string_redirects_to_the_one_address(client, pages):
    link = f"{pages['GuidancePage'].url.rstrip('/')}.pdf"
    response = client.get(link, {"x": "1"})
    assert response.status_code == 302 and response["Location"] == link


def test_other_page_types_and_missing_pages_have_no_pdf(client, pages):
    for name in ("OrganisationPage", "StandardPage", "NewsIndexPage"):
        page = pages[name]
        assert client.get(f"{page.url.rstrip('/')}.pdf").status_code == 404
        assert ".pdf" not in client.get(page.url).content.decode()
    assert client.get("/de/aktuelles/gibt-es-nicht.pdf").status_code == 404
    assert client.post(f"{pages['NewsPage'].url.rstrip('/')}.pdf").status_code == 405


def test_unpublished_page_has_no_pdf(client, pages):
    event = pages["EventPage"]
    link = f"{event.url.rstrip('/')}.pdf"
    event.unpublish()
    assert client.get(event.url).status_code == 404
    assert client.get(link).status_code == 404


def test_private_page_answers_as_the_page_does(client, pages, django_user_model):
    guidance = pages["GuidancePage"]
    link = f"{guidance.url.rstrip('/')}.pdf"
    PageViewRestriction.objects.create(page=guidance, restriction_type="login")
    page, pdf = client.get(guidance.url), client.get(link)
    assert page.status_code == pdf.status_code == 302
    assert "login" in pdf["Location"] and b"%PDF" not in pdf.content
    user = django_user_model.objects.create_user("leser", password="x")
    client.force_login(user)
    response = client.get(link)
    reader, text = read_pdf(response)
    assert guidance.title in text
    assert "private" in response["Cache-Control"] and "X-Page-Cache" not in response
