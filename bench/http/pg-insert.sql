-- pgbench reference for intake: one equivalent row into a copy of "Cases" (same columns, indexes, constraints).
\set n random(1, 1000000000)
INSERT INTO bench_cases ("Id", "Number", "AreaCode", "Source", "ItemCode", "Description", "Longitude", "Latitude", "Address",
  "Priority", "Status", "Level", "ReporterName", "ReportedAt", "Light", "OnTheSpot", "Whistled", "Supervised",
  "ReturnCount", "ReopenCount", "EscalationCount", "TransitionCount", "Version")
VALUES (gen_random_uuid(), substr(md5(random()::text), 1, 20), '379902001001001', 2, '0101',
  '压测上报：路面坑洼，影响通行 ' || :n, 118.1 + random() / 10, 36.8 + random() / 10, '测试路1号',
  1, 1, 1, '居民', now(), 0, false, false, false, 0, 0, 0, 1, 0);
