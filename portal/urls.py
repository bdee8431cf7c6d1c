from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from home import routing
from home.views import search
from locales.machine_translation_queue import queue_machine_translation
from portal.sitemaps import sitemap, sitemap_index

urlpatterns = [
    # Before Wagtail's admin: the address of wagtail-localize's "Machine translate"
    # button, answered by a view that queues the work (locales.machine_translation_queue).
    path(
        "admin/localize/translate/<int:translation_id>/machine_translate/",
        require_admin_access(queue_machine_translation),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("syndication.urls")),
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-pages.xml", sitemap, name="sitemap-pages"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", search, name="search"),
    path("", include("syndication.embed_urls")),
    path("", include("syndication.pdf_urls")),
    path("", include("readers.urls")),
    path("", include("events.urls")),
    path("", include("news.urls")),
    path("", include("registrations.urls")),
    path("", include("submissions.urls")),
    # Wagtail's serve view, routed in three queries whatever the depth (home/routing.py).
    re_path(r"^((?:[\w\-]+/)*)$", routing.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler500 = "portal.errors.server_error"
