"""apology"""
