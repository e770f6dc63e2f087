"""UI and figure builders. Everything here takes data frames handed to it and never queries."""
