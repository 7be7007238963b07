"""REST views, one module per area (thin: selectors read, services write)."""
