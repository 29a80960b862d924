-- What a rebuild of the history costs PostgreSQL (benchmark, scale phase), made smaller.
--
-- Documents as text: the application alone reads them (whole, with Jackson) and no query looks
-- inside one, yet as jsonb every version written was parsed and every version read printed back:
-- inserting the scale data set's 195,000 documents from text took the server 7.2 s as jsonb and
-- 0.6 s as text. A document is still the view record as the Axon object mapper writes it, and
-- document::jsonb reads it as JSON in an ad-hoc query.
ALTER TABLE view_version ALTER COLUMN document TYPE TEXT USING document::text;

-- The roll-up counts are of projects only (ViewHistory.projectCounts asks for kind = 'PROJECT'),
-- yet view_version_parent_count_idx also held every program and change request version, whose
-- writes paid for an index entry no read uses. Partial on projects instead; the program count
-- index holds projects only already (only projects have a program_id).
DROP INDEX view_version_parent_count_idx;
CREATE INDEX view_version_parent_count_idx ON view_version (parent_id, from_ns, to_ns, status)
    WHERE kind = 'PROJECT' AND parent_id IS NOT NULL;
