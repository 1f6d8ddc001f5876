"""`make bench`: each measurement next to a baseline taken in the same run.

Figures are medians over several rounds (batch export: the best of several, since other
processes can only slow a run that uses every core). Timings vary with the machine; the ratios
to the baselines measured alongside are what to compare between runs.
"""
