-- changeRequests(filter, asOf): the inbox as of an instant lists change request versions newest
-- submitted first, like the live list. A change request version's sort_key (null so far) becomes
-- its submission instant as 20 digits of epoch nanoseconds (ViewVersion.submittedKey), so that
-- text order is time order; versions already stored get it from their document.
UPDATE view_version
SET sort_key = lpad((extract(epoch FROM (CAST(document AS jsonb) ->> 'submittedAt')::timestamptz) * 1000000000)::bigint::text,
                    20, '0')
WHERE kind = 'CHANGE_REQUEST';
