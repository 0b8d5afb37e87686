"""The 钥匙管理 tab (a placeholder page until its window lands)."""
