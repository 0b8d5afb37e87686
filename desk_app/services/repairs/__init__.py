"""Repair orders (维修工单) and their lifecycle, callbacks (回访), technicians and the
price list, the printed work order, and what is due now."""
