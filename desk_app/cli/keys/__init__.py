"""desk-app keys …"""
