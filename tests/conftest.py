"""pytest's configuration: the shared helpers live in tests/support.

Property tests draw their examples from a fixed seed, so that a run on a clean clone tries the
same texts as the last run here: a failure they find is one every run finds. Set
HYPOTHESIS_PROFILE=explore to draw new examples each run, to look for more."""

import os

from hypothesis import settings

settings.register_profile("fixed", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fixed"))
