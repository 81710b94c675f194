-- Listing order kept in indexes, so a page is read without sorting every matching row.
--
-- quotes.sort_key: one text key whose ascending order is the quote listing's order
-- (newest article first, undated last, then article id, then position in the article):
-- the publication date with each digit d written as the letter 'j' - d (so later dates
-- sort first), or '~' when undated, then char(1), the article id, char(1), the position
-- as eight digits. Pages continue after the last key seen (keyset paging), and
-- since/until become a range of keys. sqlite.py writes the same key for new quotes.

ALTER TABLE quotes ADD COLUMN sort_key TEXT;

UPDATE quotes SET sort_key = (
    SELECT coalesce(
        replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
            a.published, '0', 'j'), '1', 'i'), '2', 'h'), '3', 'g'), '4', 'f'), '5', 'e'), '6', 'd'),
            '7', 'c'), '8', 'b'), '9', 'a'),
        '~') || char(1) || quotes.article_id || char(1) || printf('%08d', quotes.position)
    FROM articles a WHERE a.id = quotes.article_id
);

CREATE INDEX quotes_sort ON quotes (sort_key);
-- A speaker's or addressee's quotes in listing order (these replace the one-column indexes).
DROP INDEX quotes_speaker;
DROP INDEX quotes_addressee;
CREATE INDEX quotes_speaker ON quotes (speaker_id, sort_key);
CREATE INDEX quotes_addressee ON quotes (addressee_id, sort_key);

-- Events in listing order (the expressions are exactly those of the ORDER BY in sqlite.py).
CREATE INDEX events_when ON events (coalesce(date, first_seen) IS NULL, coalesce(date, first_seen) DESC, id);
