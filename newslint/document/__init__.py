"""The text model: stored files decoded, readers, the Document with its offset map and tokens."""
