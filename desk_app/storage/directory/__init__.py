"""The directory's tables (业主档案): buildings, units, public places, people and who lives where, the household archive, the search index."""
