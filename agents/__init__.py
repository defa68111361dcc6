"""The support agents: plain Python, no Django, no Channels, no ORM.

The conversations app hands in a SupportContext and ports to look data up; the
orchestrator returns a RunOutcome and reports progress through an event sink.
"""
