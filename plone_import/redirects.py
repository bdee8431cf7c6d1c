"""Old Plone addresses as permanent Wagtail redirects (wagtail.contrib.redirects).

Every imported item's old path redirects to what it became; entries of
Plone's redirects.json (addresses Plone itself kept after moves) redirect to
what their new path became. A second run updates the same redirects.
"""

from wagtail.contrib.redirects.models import Redirect

OLD_PATH_MAX = 255


class Redirects:
    def __init__(self, report):
        self.report = report

    def add(self, item_id, old_path, page_id=None, link=""):
        """Redirect old_path (site-relative) to a page or a link; counted in the report."""
        path = Redirect.normalise_path(old_path or "")
        if path in ("", "/"):
            return
        if len(path) > OLD_PATH_MAX:
            self.report.warn(
                item_id, f"old path longer than {OLD_PATH_MAX} characters: no redirect"
            )
            return
        values = {"redirect_page_id": page_id, "redirect_link": "" if page_id else link}
        redirect = Redirect.objects.filter(old_path=path, site__isnull=True).first()
        if redirect is None:
            Redirect.objects.create(old_path=path, site=None, is_permanent=True, **values)
            self.report.count_redirect("created")
        elif (redirect.redirect_page_id, redirect.redirect_link) != tuple(values.values()) or (
            not redirect.is_permanent
        ):
            for name, value in values.items():
                setattr(redirect, name, value)
            redirect.is_permanent = True
            redirect.save()
            self.report.count_redirect("updated")
        else:
            self.report.count_redirect("unchanged")

    def target(self, target):
        """(page_id, link) of a registry Target."""
        if target is None:
            return None, ""
        if target.kind == "page":
            return target.id, ""
        return None, target.url
