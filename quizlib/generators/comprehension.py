"""Comprehension generators: questions about what the articles say."""
