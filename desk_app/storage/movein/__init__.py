"""Move-in (入住交房): delivery batches, slots and appointments, hand-over records with
their stations, the joint inspection, defects with photos and re-inspections."""
