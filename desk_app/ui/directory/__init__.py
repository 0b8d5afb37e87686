"""The owner archive (业主档案) tab: the estate, unit pages, search as you type and the
reusable room field."""
