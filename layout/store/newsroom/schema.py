"""The newsroom's tables, created and brought up to date by ``layout newsroom init URL``.

Each migration runs once, in its own transaction, and is recorded in
``layout_migrations``; a database made by a newer program is refused.
"""

from __future__ import annotations

import psycopg

from layout.store.newsroom.address import NewsroomError

MIGRATIONS: list[tuple[str, str]] = [
    ("issues, pages, articles, photos, holders and history", """
CREATE TABLE issues (
    id          serial PRIMARY KEY,
    issue_date  date NOT NULL,
    edition     text NOT NULL DEFAULT '',
    paper       text NOT NULL,
    settings    jsonb NOT NULL,            -- line breaking, page templates: the issue's settings
    styles      jsonb NOT NULL,            -- the paragraph styles every page shares
    revision    integer NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (issue_date, edition)
);
CREATE TABLE pages (
    issue_id    integer NOT NULL REFERENCES issues ON DELETE CASCADE,
    position    integer NOT NULL CHECK (position >= 0),   -- 0 is the first page of the issue
    body        jsonb NOT NULL,            -- the page as the file format writes it
    state       text NOT NULL DEFAULT 'layout' CHECK (state IN ('layout', 'proof', 'proofed', 'signed')),
    revision    integer NOT NULL DEFAULT 1,
    updated_by  text NOT NULL DEFAULT '',
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (issue_id, position)
);
CREATE TABLE articles (
    issue_id    integer NOT NULL REFERENCES issues ON DELETE CASCADE,
    article_id  text NOT NULL,
    ordinal     integer NOT NULL,          -- the article's place in the file's list
    body        jsonb NOT NULL,            -- the story as the file format writes it
    revision    integer NOT NULL DEFAULT 1,
    updated_by  text NOT NULL DEFAULT '',
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (issue_id, article_id)
);
CREATE TABLE photos (
    sha256      text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    suffix      text NOT NULL DEFAULT '',
    bytes       bigint NOT NULL,
    data        bytea NOT NULL,
    added_by    text NOT NULL DEFAULT '',
    added_at    timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE holders (
    issue_id    integer NOT NULL REFERENCES issues ON DELETE CASCADE,
    kind        text NOT NULL CHECK (kind IN ('page', 'story', 'issue')),
    target      text NOT NULL,
    user_name   text NOT NULL,
    host        text NOT NULL,
    pid         integer NOT NULL,
    backend_pid integer NOT NULL,          -- the connection whose advisory lock this row describes
    lock_key    bigint NOT NULL,           -- that advisory lock's key
    since       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (issue_id, kind, target)
);
CREATE TABLE history (
    id          bigserial PRIMARY KEY,
    issue_id    integer NOT NULL,
    at          timestamptz NOT NULL DEFAULT clock_timestamp(),
    user_name   text NOT NULL,
    host        text NOT NULL,
    kind        text NOT NULL,             -- page, story, issue, photo
    target      text NOT NULL,
    action      text NOT NULL,             -- add, change, remove, state
    revision    integer NOT NULL,
    operations  jsonb NOT NULL DEFAULT '[]'   -- the edit operations, as the undo history names them
);
CREATE INDEX history_issue ON history (issue_id, id);
CREATE FUNCTION layout_history_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the newsroom history is append-only';
END $$;
CREATE TRIGGER history_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON history
    FOR EACH STATEMENT EXECUTE FUNCTION layout_history_is_append_only();
"""),
]

CURRENT = len(MIGRATIONS)


def applied(conn: psycopg.Connection) -> int:
    """The schema version of the database (0 when it has no newsroom tables)."""
    exists = conn.execute("SELECT to_regclass('layout_migrations')").fetchone()[0]
    if exists is None:
        return 0
    return conn.execute("SELECT coalesce(max(version), 0) FROM layout_migrations").fetchone()[0]


def migrate(conn: psycopg.Connection) -> list[int]:
    """Bring the schema up to date; the versions applied now (none when it already was)."""
    done: list[int] = []
    with conn.transaction():
        conn.execute("CREATE TABLE IF NOT EXISTS layout_migrations (version integer PRIMARY KEY, "
                     "description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())")
        conn.execute("LOCK TABLE layout_migrations IN EXCLUSIVE MODE")  # two inits at once: one waits
        version = applied(conn)
        if version > CURRENT:
            raise NewsroomError(f"the database's newsroom schema is version {version}, newer than this "
                                f"program's {CURRENT}: update the program")
        for number, (description, sql) in enumerate(MIGRATIONS[version:], start=version + 1):
            conn.execute(sql)
            conn.execute("INSERT INTO layout_migrations (version, description) VALUES (%s, %s)",
                         (number, description))
            done.append(number)
    return done


def check(conn: psycopg.Connection) -> None:
    """Refuse a database without the newsroom tables, or with a schema of another version."""
    version = applied(conn)
    if version == 0:
        raise NewsroomError("the database has no newsroom tables: run `layout newsroom init URL` first")
    if version != CURRENT:
        raise NewsroomError(f"the database's newsroom schema is version {version}, this program's {CURRENT}: "
                            + ("run `layout newsroom init URL`" if version < CURRENT else "update the program"))
