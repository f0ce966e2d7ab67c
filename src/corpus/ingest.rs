//! Ingest: article file -> Document (metadata, boilerplate removal, paragraphs, sentences).
