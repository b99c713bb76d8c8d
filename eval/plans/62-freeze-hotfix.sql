-- Hotfix during the release freeze: remove the rows duplicated by yesterday's import.
BEGIN;
SELECT count(*) FROM order_lines WHERE import_batch = 'b-2291';
DELETE FROM order_lines WHERE import_batch = 'b-2291';
UPDATE orders SET line_count = line_count - 1 WHERE id IN (SELECT order_id FROM dup_ids);
DROP TABLE dup_ids;
COMMIT;
