"""The questions users ask of the network: routes, alternatives, Pareto fronts, skims."""

__all__: list[str] = []
