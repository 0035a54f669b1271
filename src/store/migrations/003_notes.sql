-- 003: a free-text note per person. Like phone, it holds a sealed (encrypted) value.
ALTER TABLE person ADD COLUMN notes TEXT NOT NULL DEFAULT '';
