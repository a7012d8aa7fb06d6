-- pgbench reference for a transition: update one case by key and append one history row, in one transaction.
\set k random(1, :rows)
BEGIN;
UPDATE bench_cases SET "Status" = 2, "Version" = "Version" + 1, "TransitionCount" = "TransitionCount" + 1, "UpdatedAt" = now()
  WHERE k = :k;
INSERT INTO bench_transitions ("CaseId", "Seq", "AreaCode", "At", "ActorName", "Action", "From", "To", "Comment", "Projected")
  SELECT "Id", "TransitionCount", "AreaCode", now(), '社区工作人员', 3, 1, 2, '压测受理', false FROM bench_cases WHERE k = :k;
END;
