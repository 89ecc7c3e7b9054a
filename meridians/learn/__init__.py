"""Learning the points: the location drill's score in cun, and what it needs (docs/learn.md)."""
