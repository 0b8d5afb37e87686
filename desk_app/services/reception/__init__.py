"""The reception log (接待登记): calls, visits and letters, complaints and their handling."""
