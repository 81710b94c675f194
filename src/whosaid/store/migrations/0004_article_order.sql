-- Articles in listing order (newest first, undated last, then id): the home page reads its
-- first page from this index instead of sorting every article. The expressions are exactly
-- those of the ORDER BY in sqlite.py's articles().
CREATE INDEX articles_listing ON articles (published IS NULL, published DESC, id);
