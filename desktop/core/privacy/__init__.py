"""Privacy: who may see what (audiences, rights review, shared records), and the rights of
people met (persons: access; erasure)."""
