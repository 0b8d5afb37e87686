"""The 接待登记 tab: the fast entry form, the reception log and its actions."""
