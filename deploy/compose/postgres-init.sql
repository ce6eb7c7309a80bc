-- Runs once, when the postgres volume is created (docker-entrypoint-initdb.d).
-- Ingest and Query own separate databases: no service reads another's tables.
CREATE DATABASE documents;
CREATE DATABASE query;
