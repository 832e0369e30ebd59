"""trigger"""
