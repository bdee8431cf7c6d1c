from wagtail import hooks

from .admin import RegistrationViewSet, registrations_button


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    return RegistrationViewSet("registrations")


@hooks.register("register_page_header_buttons")
def registrations_header_button(page, user, view_name, next_url=None):
    button = registrations_button(page, user)
    if button:
        yield button
