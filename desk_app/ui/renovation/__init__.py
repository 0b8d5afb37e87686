"""The 装修与放行 tab."""
