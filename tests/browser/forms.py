"""Filling in the public forms and the admin's login as a person does."""

import datetime
import re

REFERENCE = re.compile(r"^V-[A-Z0-9]{4}-[A-Z0-9]{4}$")


def days_from_today(days):
    return (datetime.date.today() + datetime.timedelta(days=days)).isoformat()


def fill_event_form(tab, title, day, end="18:00", email="verein@example.org"):
    """Fill in the event form as an organisation would (the first organisation of the list)."""
    tab.locator("#id_organisation").select_option(index=1)
    tab.fill("#id_title", title)
    tab.fill("#id_description", "Ein offenes Treffen für Eltern.\n\nMit Kinderbetreuung.")
    tab.locator("#id_target_groups_0").check()
    tab.fill("#id_first_date", day)
    tab.fill("#id_start_time", "16:00")
    tab.fill("#id_end_time", end)
    tab.fill("#id_venue_name", "Begegnungszentrum Mühlenhof")
    tab.fill("#id_venue_address", "Mühlenweg 7, 12343 Mittelstadt")
    tab.fill("#id_contact_name", "Ayşe Beispiel")
    tab.fill("#id_contact_email", email)
    tab.locator("#id_privacy_consent").check()


def send_form(tab):
    with tab.expect_navigation():
        tab.locator("form.public-form button[type=submit]").press("Enter")


def submit_event(tab, live_site, title, code="de"):
    """Send a valid event through the form; returns the reference number shown."""
    tab.goto(live_site[f"{code}-submission"])
    fill_event_form(tab, title, days_from_today(12))
    send_form(tab)
    reference = tab.locator(".reference").inner_text()
    assert REFERENCE.match(reference), reference
    return reference


def log_in(tab, live_site, username, password):
    """Log in to the Wagtail admin through its login form."""
    tab.goto(f"{live_site.url}/admin/login/")
    tab.fill("#id_username", username)
    tab.fill("#id_password", password)
    with tab.expect_navigation():
        tab.locator("form button[type=submit]").first.click()
