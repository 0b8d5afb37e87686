"""Desk app: the service desk (客服中心前台) of a property-management estate."""

__version__ = "0.1.0"
