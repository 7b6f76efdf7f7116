-- Flyway sample migration 1: two tables
CREATE TABLE author (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);

CREATE TABLE book (
  id INTEGER PRIMARY KEY,
  author_id INTEGER NOT NULL REFERENCES author(id),
  title TEXT NOT NULL,
  published INTEGER
);
