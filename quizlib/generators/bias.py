"""Bias-spotting generators: questions built on the cues an article uses to steer readers."""
