"""MONEY: amounts of money with currency (ISO 4217), qualifier and ranges (ANNOTATION.md)."""
