"""promise"""
