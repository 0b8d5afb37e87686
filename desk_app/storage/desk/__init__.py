"""The desk's own tables and files: settings, archived documents, backups and the integrity check."""
