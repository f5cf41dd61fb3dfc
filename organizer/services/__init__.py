"""Use cases. Each takes an AsyncSession and plain values and returns plain DTOs."""
