"""The directory (业主档案): the estate's buildings, units and public places, the people in
them, the household archive, privacy, search, and the owner roster in and out."""
