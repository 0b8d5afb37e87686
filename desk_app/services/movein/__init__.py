"""Move-in (入住交房): delivery batches and appointments, the hand-over of a unit station by
station, the joint inspection with its defects tracked to re-inspection, and what the
batch, the day and the developer read."""
