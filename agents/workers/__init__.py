"""The specialised agents. Each is `async (AgentRequest, RunDeps) -> AgentResponse`."""
