"""The key registry (钥匙管理): key sets, owners' deposits, loans and returns."""
