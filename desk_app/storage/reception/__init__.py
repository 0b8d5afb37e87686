"""The reception log (接待登记)."""
