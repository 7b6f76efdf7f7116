CREATE INDEX book_author ON book(author_id);
CREATE UNIQUE INDEX book_title ON book(author_id, title);
