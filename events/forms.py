"""The event editor's repeat fields, which build the stored RRULE text.

Editors choose a frequency, an interval, weekdays, how a monthly date repeats
and when the series ends; the form turns these into RFC 5545 RRULE text
(events.recurrence.Rule) for EventPage.recurrence_rule. An imported rule that
these fields cannot show stays as it is as long as the editor leaves them alone.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.widgets import AdminDateInput

from .recurrence import (
    WEEKDAY_CHOICES,
    WEEKDAY_CODES,
    Frequency,
    MonthlyMode,
    Rule,
    berlin,
    is_last_weekday,
)

REPEAT_FIELDS = [
    "repeat",
    "repeat_interval",
    "repeat_weekdays",
    "repeat_monthly",
    "repeat_until",
    "repeat_count",
]


class EventPageForm(WagtailAdminPageForm):
    repeat = forms.ChoiceField(
        label=_("Repeats"),
        choices=[("", _("does not repeat"))] + Frequency.choices,
        required=False,
    )
    repeat_interval = forms.IntegerField(
        label=_("Every …"),
        min_value=1,
        max_value=99,
        required=False,
        help_text=_("1: every day, week, month or year; 2: every second one; and so on."),
    )
    repeat_weekdays = forms.MultipleChoiceField(
        label=_("On these weekdays"),
        choices=WEEKDAY_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("For weekly dates; none chosen: the weekday of the first date."),
    )
    repeat_monthly = forms.ChoiceField(
        label=_("Monthly dates repeat"),
        choices=MonthlyMode.choices,
        required=False,
    )
    repeat_until = forms.DateField(
        label=_("Until"),
        widget=AdminDateInput,
        required=False,
        help_text=_("The last day a repetition may fall on."),
    )
    repeat_count = forms.IntegerField(
        label=_("Or: number of dates"),
        min_value=1,
        max_value=500,
        required=False,
        help_text=_("Counting the first date."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        stored = self.instance.recurrence_rule
        rule = Rule.from_rrule(stored)
        if rule is not None:
            self.initial.update(
                repeat=rule.frequency,
                repeat_interval=rule.interval,
                repeat_weekdays=rule.weekdays,
                repeat_monthly=rule.monthly_mode,
                repeat_until=rule.until,
                repeat_count=rule.count,
            )
        elif stored and "repeat" in self.fields:
            self.fields["repeat"].help_text = _(
                "This event repeats by an imported rule (%(rule)s) that these fields cannot "
                "show. Leave them unchanged to keep it."
            ) % {"rule": stored}

    def repeat_changed(self):
        return any(name in self.changed_data for name in REPEAT_FIELDS)

    def first_start(self):
        """The start of the first date in the dates formset, once that is valid."""
        formset = self.formsets.get("occurrences")
        if formset is None or not formset.is_valid():
            return None
        forms_in_order = formset.ordered_forms if formset.can_order else formset.forms
        rows = [
            form.cleaned_data
            for form in forms_in_order
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        return rows[0]["start"] if rows else None

    def clean(self):
        cleaned = super().clean()
        if not self.repeat_changed() or not cleaned.get("repeat"):
            return cleaned
        if cleaned.get("repeat_until") and cleaned.get("repeat_count"):
            self.add_error("repeat_count", _("Give an end date or a number of dates, not both."))
        first = self.first_start()
        if first is None:
            return cleaned
        first = berlin(first)
        if cleaned.get("repeat_until") and cleaned["repeat_until"] < first.date():
            self.add_error("repeat_until", _("The series cannot end before its first date."))
        weekdays = cleaned.get("repeat_weekdays") or []
        if (
            cleaned["repeat"] == Frequency.WEEKLY
            and weekdays
            and WEEKDAY_CODES[first.weekday()] not in weekdays
        ):
            self.add_error("repeat_weekdays", _("Include the weekday of the first date."))
        if (
            cleaned["repeat"] == Frequency.MONTHLY
            and cleaned.get("repeat_monthly") == MonthlyMode.LAST_WEEKDAY
            and not is_last_weekday(first.date())
        ):
            self.add_error(
                "repeat_monthly", _("The first date is not the last weekday of its kind.")
            )
        return cleaned

    def save(self, commit=True):
        page = super().save(commit=False)
        if self.repeat_changed():
            page.recurrence_rule = self.rule_text(page)
        if commit:
            page.save()
            self.save_m2m()
        return page

    def rule_text(self, page):
        data = self.cleaned_data
        rows = list(page.occurrences.all())
        if not data.get("repeat") or not rows:
            return ""
        rule = Rule(
            frequency=data["repeat"],
            interval=data.get("repeat_interval") or 1,
            weekdays=data.get("repeat_weekdays") or [],
            monthly_mode=data.get("repeat_monthly") or MonthlyMode.DAY_OF_MONTH,
            until=data.get("repeat_until"),
            count=data.get("repeat_count"),
        )
        return rule.to_rrule(rows[0].start, all_day=page.all_day)
