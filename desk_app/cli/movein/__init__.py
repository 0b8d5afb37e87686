"""desk-app movein …"""
