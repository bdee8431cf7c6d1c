from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Konten der Redaktion"
    default_auto_field = "django.db.models.BigAutoField"
