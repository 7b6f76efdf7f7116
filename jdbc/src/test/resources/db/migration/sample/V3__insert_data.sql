INSERT INTO author(id, name) VALUES (1, 'Ursula K. Le Guin'), (2, 'Stanisław Lem');
INSERT INTO book(author_id, title, published) VALUES
  (1, 'The Dispossessed', 1974),
  (1, 'The Left Hand of Darkness', 1969),
  (2, 'Solaris', 1961);
-- a statement with a semicolon inside a string
INSERT INTO book(author_id, title, published) VALUES (2, 'Fiasco; or, the last', 1986);
