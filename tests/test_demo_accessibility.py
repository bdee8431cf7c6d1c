"""The demo's § 4 content (demo/accessibility.py): the start page
links the three texts in Leichte Sprache and plays the sign language video."""

import re

import pytest
from wagtail.models import Page

from demo.accessibility import load_accessibility_demo
from home.models import SiteSettings, StandardPage
from locales.languages import EASY_LANGUAGE

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(every_language_home, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    tree = every_language_home
    statement = tree.standard("Erklärung zur Barrierefreiheit", slug="barrierefreiheit")
    site_settings = SiteSettings.objects.get()
    site_settings.accessibility_page = statement
    site_settings.save()
    load_accessibility_demo(tree.home)
    load_accessibility_demo(Page.objects.get(pk=tree.home.pk).specific)  # safe to run again
    return tree


def test_start_page_links_three_texts_in_leichte_sprache(client, demo):
    html = client.get("/de/").content.decode()
    section = re.search(r'<section class="easy-language-links".*?</section>', html, re.S).group(0)
    links = re.findall(rf'<a href="(/{EASY_LANGUAGE}/[^"]+)" lang="{EASY_LANGUAGE}"', section)
    assert len(links) == 3
    for url in links:
        page = client.get(url).content.decode()
        assert f'<html lang="{EASY_LANGUAGE}"' in page
        assert "notice-translation" not in page  # written in Leichte Sprache, not an alias
        assert '<div class="hard-word" role="note">' in page
    assert html.count('<figure class="sign-language-video">') == 1
    arabic = client.get("/ar/").content.decode()
    assert "مرحبًا بكم في بوابة الاندماج" in arabic and 'preload="none"' in arabic


def test_demo_runs_twice_without_duplicates(demo):
    easy = StandardPage.objects.filter(locale__language_code=EASY_LANGUAGE)
    assert easy.count() == 3 and easy.filter(alias_of__isnull=True).count() == 3
    assert StandardPage.objects.filter(locale__language_code="de").count() == 3
    home = Page.objects.get(pk=demo.home.pk).specific
    assert [b.block_type for b in home.body].count("sign_language_video") == 1


def test_demo_video_is_small_and_captioned(demo, client):
    html = client.get(f"/{EASY_LANGUAGE}/").content.decode()
    source = re.search(r'<source src="([^"]+)" type="video/mp4">', html).group(1)
    track = re.search(r'<track kind="captions" src="([^"]+)"', html).group(1)
    video = client.get(source)
    assert video.status_code == 200
    assert int(video["Content-Length"]) < 200_000
    captions = b"".join(client.get(track).streaming_content).decode()
    assert captions.startswith("WEBVTT") and "Willkommen" in captions
