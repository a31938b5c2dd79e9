"""narrative: compare how claims are framed.

corpus → segment → claims → features → model/compare → report. Import the
stage you need (``from narrative.claims import extract_claims``); this module
only names the version and the error base class.
"""
from .errors import NarrativeError

__version__ = "0.1.0"
__all__ = ["NarrativeError", "__version__"]
