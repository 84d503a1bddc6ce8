"""The visit sheet as PDF (reportlab).

reportlab's settings are process-wide and Carnet is their only user in its process, so
they are set here, once, before any sheet is built: JPEG photos are embedded as they are
(DCTDecode), not re-encoded in ASCII85, which made them a quarter larger and cost a
pure-Python pass over every byte.
"""

from reportlab import rl_config

rl_config.useA85 = 0
