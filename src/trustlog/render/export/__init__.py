"""export formats"""
