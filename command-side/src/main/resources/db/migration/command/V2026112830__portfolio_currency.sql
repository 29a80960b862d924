-- The portfolio's currency, so planning commands can refuse money in another currency without
-- loading the Portfolio aggregate. A portfolio's currency never changes after creation.

ALTER TABLE portfolio_directory ADD COLUMN currency char(3);

-- Backfill from each portfolio's first event. Jackson writes java.util.Currency as its ISO code.
UPDATE portfolio_directory directory
SET currency = convert_from(event.payload, 'UTF8')::jsonb ->> 'currency'
FROM domainevententry event
WHERE event.aggregateidentifier = directory.portfolio_id::text
  AND event.sequencenumber = 0
  AND event.payloadtype = 'dev.portfolioledger.api.portfolio.PortfolioCreatedEvent';

-- Fails loudly if a directory row has no creation event: such a row would be a bug to look at,
-- not something to paper over with a default currency.
ALTER TABLE portfolio_directory ALTER COLUMN currency SET NOT NULL;
ALTER TABLE portfolio_directory
    ADD CONSTRAINT portfolio_directory_currency_iso CHECK (currency ~ '^[A-Z]{3}$');
