"""The one settings dialog: this station's values (QSettings) and the center's (the database)."""
