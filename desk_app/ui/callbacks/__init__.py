"""Callbacks (回访): the dialog of one call and the queue of open callbacks."""
