"""The network at a glance: figures over every venue and visit, for a period and territory."""
