"""The company's own work on tenders (contract 4.6): stages, loss reasons, events, probabilities."""
