"""The key registry (钥匙管理)."""
