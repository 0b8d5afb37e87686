"""desk-app reception …: the reception log from the command line."""
