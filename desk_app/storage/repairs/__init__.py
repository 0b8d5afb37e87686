"""Repair orders (维修工单), their materials and history, technicians and the price list, and the callback queue."""
