"""The 维修 tab: the repair order list with its filters, the chosen order's 维修工作单,
the dialogs that move an order through its lifecycle (dispatch, arrival, completion with
materials, hold, referral, cancellation, callback) and printing."""
