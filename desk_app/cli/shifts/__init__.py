"""desk-app shifts …: shifts, their handover reports and the operators from the command line."""
