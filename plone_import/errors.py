"""The importer's errors: one for the export as a whole, one for a single item."""


class ImportAbort(Exception):
    """The export cannot be imported at all (unreadable file, malformed JSON, bad option)."""


class ItemError(Exception):
    """One item cannot be imported; names the item's @id and the field at fault."""

    def __init__(self, item_id, field, message):
        super().__init__(f"{item_id}: {message}" + (f" (field {field})" if field else ""))
        self.item_id = item_id
        self.field = field
        self.message = message
